import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worker bundle's file name, produced by the `tts-worker` input in electron.vite.config.ts. */
export const TTS_WORKER_FILE = 'tts-worker.js';

/**
 * Finds the built TTS worker next to the main bundle (out/main/tts-worker.js). This module may be
 * bundled into out/main/chunks/, so the parent folder is tried too.
 */
export function resolveTtsWorkerPath(fromUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(fromUrl));
  const candidates = [join(here, TTS_WORKER_FILE), join(here, '..', TTS_WORKER_FILE)];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `The speech worker (${TTS_WORKER_FILE}) is missing; looked in: ${candidates.join(', ')}. ` +
      'Build with electron-vite so that it is emitted next to the main bundle.',
  );
}
