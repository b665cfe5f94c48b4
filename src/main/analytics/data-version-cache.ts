/**
 * Results that depend only on the analytics data, kept until that data changes. The model fits
 * behind success factors take hundreds of milliseconds on thousands of posts, while the data
 * they read changes only when metrics arrive; a cheap fingerprint query decides whether a kept
 * result is still right, so no caller has to remember to invalidate anything.
 */
export class DataVersionCache<T> {
  private readonly entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(private readonly maxEntries = 32) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.entries.get(key);
    if (kept && kept.version === version) return kept.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    // A failed computation is not kept: the next call tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
