import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const EXTENSION = '.wav';

/** A cache key: the SHA-256 of everything that shapes the audio (text, voice, prosody, engine). */
export function speechCacheKey(parts: Record<string, string | number>): string {
  const ordered = Object.keys(parts)
    .sort()
    .map((name) => [name, parts[name]]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

/**
 * Synthesized replies as WAV files, `<key>.wav` in one folder, bounded in total size: past the
 * bound the least recently used files go. Recency is the file's modification time, refreshed on
 * every hit, so the order survives restarts. Writes go to a temporary file renamed into place, so
 * a crash never leaves a half-written reply that would be served later.
 */
export class SpeechCache {
  /** Key → size in bytes, least recently used first (Map keeps insertion order). */
  private index: Map<string, number> | null = null;
  private loading: Promise<Map<string, number>> | null = null;
  private totalBytes = 0;

  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  async get(key: string): Promise<Uint8Array | null> {
    const index = await this.load();
    if (!index.has(key)) return null;
    const path = this.pathOf(key);
    try {
      const bytes = await readFile(path);
      const now = new Date();
      await utimes(path, now, now);
      this.touch(index, key, bytes.length);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch {
      // Deleted behind our back: a miss, and forgotten.
      this.forget(index, key);
      return null;
    }
  }

  /** Stores a reply (a reply larger than the whole bound is not kept) and evicts down to the bound. */
  async put(key: string, wav: Uint8Array): Promise<void> {
    if (wav.length > this.maxBytes) return;
    const index = await this.load();
    const path = this.pathOf(key);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, wav);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.touch(index, key, wav.length);
    await this.evict(index, key);
  }

  /** Total bytes of cached replies. */
  async size(): Promise<number> {
    await this.load();
    return this.totalBytes;
  }

  private pathOf(key: string): string {
    return join(this.dir, key + EXTENSION);
  }

  private touch(index: Map<string, number>, key: string, bytes: number): void {
    this.forget(index, key);
    index.set(key, bytes);
    this.totalBytes += bytes;
  }

  private forget(index: Map<string, number>, key: string): void {
    const bytes = index.get(key);
    if (bytes === undefined) return;
    index.delete(key);
    this.totalBytes -= bytes;
  }

  private async evict(index: Map<string, number>, keep: string): Promise<void> {
    for (const [key] of index) {
      if (this.totalBytes <= this.maxBytes) return;
      if (key === keep) continue;
      this.forget(index, key);
      await rm(this.pathOf(key), { force: true });
    }
  }

  /** Reads the folder once: sizes and recency from the files; leftovers of interrupted writes go. */
  private load(): Promise<Map<string, number>> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= (async () => {
      await mkdir(this.dir, { recursive: true });
      const entries: Array<{ key: string; bytes: number; usedMs: number }> = [];
      for (const name of await readdir(this.dir)) {
        const path = join(this.dir, name);
        if (name.endsWith('.tmp')) {
          await rm(path, { force: true });
          continue;
        }
        if (!name.endsWith(EXTENSION)) continue;
        const info = await stat(path).catch(() => null);
        if (info?.isFile())
          entries.push({ key: name.slice(0, -EXTENSION.length), bytes: info.size, usedMs: info.mtimeMs });
      }
      entries.sort((a, b) => a.usedMs - b.usedMs);
      const index = new Map<string, number>();
      this.totalBytes = 0;
      for (const entry of entries) {
        index.set(entry.key, entry.bytes);
        this.totalBytes += entry.bytes;
      }
      this.index = index;
      return index;
    })().catch((error: unknown) => {
      // Let the next call try again (the folder may be creatable later).
      this.loading = null;
      throw error;
    });
    return this.loading;
  }
}
