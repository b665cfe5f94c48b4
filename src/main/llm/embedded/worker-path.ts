import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The worker bundle's file name, produced by the `llm-worker` input in electron.vite.config.ts. */
export const EMBEDDED_WORKER_FILE = 'llm-worker.js';

/**
 * Finds the built embedded-LLM worker next to the main bundle (out/main/llm-worker.js). This
 * module may itself be bundled into out/main/chunks/, so the parent folder is tried too. In a
 * packaged app the path lies inside app.asar (see this folder's README on packaging).
 */
export function resolveEmbeddedWorkerPath(fromUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(fromUrl));
  const candidates = [join(here, EMBEDDED_WORKER_FILE), join(here, '..', EMBEDDED_WORKER_FILE)];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `The embedded LLM worker (${EMBEDDED_WORKER_FILE}) is missing; looked in: ${candidates.join(', ')}. ` +
      'Build with electron-vite so that it is emitted next to the main bundle.',
  );
}
