import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worker bundle's file name, produced by the `stt-worker` input in electron.vite.config.ts. */
export const STT_WORKER_FILE = 'stt-worker.js';

/** Finds the built STT worker next to the main bundle (out/main/stt-worker.js), or one folder up from a chunk. */
export function resolveSttWorkerPath(fromUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(fromUrl));
  const candidates = [join(here, STT_WORKER_FILE), join(here, '..', STT_WORKER_FILE)];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `The speech-to-text worker (${STT_WORKER_FILE}) is missing; looked in: ${candidates.join(', ')}. ` +
      'Build with electron-vite so that it is emitted next to the main bundle.',
  );
}
