import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface BuiltTtsWorker {
  path: string;
  dispose(): Promise<void>;
}

/**
 * Bundles src/workers/tts/worker.ts into a runnable .mjs for tests and benches, as electron-vite
 * does for the app. The espeak-ng package stays external (it finds its data file beside its own
 * module), so the bundle goes under node_modules/.cache where that import resolves.
 */
export async function buildTestTtsWorker(): Promise<BuiltTtsWorker> {
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'cadence-tts-worker');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `worker-${process.pid}-${Date.now().toString(36)}.mjs`);
  await build({
    input: join(REPO_ROOT, 'src', 'workers', 'tts', 'worker.ts'),
    platform: 'node',
    external: ['@echogarden/espeak-ng-emscripten'],
    logLevel: 'warn',
    output: { file: path, format: 'esm' },
  });
  return { path, dispose: () => rm(path, { force: true }) };
}
