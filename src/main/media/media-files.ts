import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where media lives, relative to the data folder (stored in the media table as such). */
export const MEDIA_DIR = 'media';
export const THUMBS_DIR = join(MEDIA_DIR, 'thumbs');

/** Files under <dataDir>/media: written atomically (temp file + rename), read and removed by relative path. */
export class MediaFiles {
  constructor(private readonly dataDir: string) {}

  /** Writes bytes at a relative path; a crash leaves either the whole file or only a temp file. */
  async writeAtomic(relative: string, bytes: Uint8Array): Promise<void> {
    const target = join(this.dataDir, relative);
    const dir = join(target, '..');
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.tmp-${randomUUID()}`);
    try {
      await writeFile(temp, bytes, { flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  read(relative: string): Promise<Buffer> {
    return readFile(join(this.dataDir, relative));
  }

  async remove(relative: string): Promise<void> {
    await rm(join(this.dataDir, relative), { force: true });
  }

  /** Temp files left by a crash mid-write; removed at start. */
  async removeLeftoverTemps(): Promise<void> {
    for (const dir of [MEDIA_DIR, THUMBS_DIR]) {
      const names = await readdir(join(this.dataDir, dir)).catch(() => [] as string[]);
      await Promise.all(names.filter((n) => n.startsWith('.tmp-')).map((n) => this.remove(join(dir, n))));
    }
  }
}
