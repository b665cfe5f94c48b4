/** How often a published post's counts are pulled, by its age (the way real analytics tools age). */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Hourly while a post is fresh. */
export const HOURLY_UNTIL_MS = 48 * HOUR_MS;
/** Daily until a month old. */
export const DAILY_UNTIL_MS = 30 * DAY_MS;
/** Weekly until three months old; a last pull at exactly 90 days, then none. */
export const STOP_AFTER_MS = 90 * DAY_MS;
/** An account's followers are read at most this often (kept per day in the creator's zone). */
export const ACCOUNT_INTERVAL_MS = 6 * HOUR_MS;

/** The pull interval for a post of this age, or null once it is past 90 days. */
export function pullIntervalMs(ageMs: number): number | null {
  if (ageMs < HOURLY_UNTIL_MS) return HOUR_MS;
  if (ageMs < DAILY_UNTIL_MS) return DAY_MS;
  if (ageMs < STOP_AFTER_MS) return WEEK_MS;
  return null;
}

/**
 * When a publication's next pull is due (ISO), from when it went out and its last snapshot; null
 * when pulls have stopped. The first pull comes an hour after publishing.
 */
export function nextPullAt(publishedAt: string, lastAt: string | null): string | null {
  const published = Date.parse(publishedAt);
  const last = lastAt === null ? published : Math.max(published, Date.parse(lastAt));
  const end = published + STOP_AFTER_MS;
  if (last >= end) return null;
  const interval = pullIntervalMs(last - published);
  if (interval === null) return null;
  return new Date(Math.min(last + interval, end)).toISOString();
}
