import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuiltWorker {
  path: string;
  dispose(): Promise<void>;
}

/**
 * Bundles src/workers/<name>/worker.ts into a runnable .mjs for tests and benches, the way
 * electron-vite does for the app (tests must not depend on its `?modulePath` import). Rolldown is
 * Vite 8's bundler. The file goes under node_modules/.cache so that the external packages (native
 * bindings, WASM reading its data files) resolve from the repo.
 */
export async function buildWorkerBundle(
  name: 'llm' | 'stt' | 'tts',
  external: (string | RegExp)[],
): Promise<BuiltWorker> {
  const dir = join(REPO_ROOT, 'node_modules', '.cache', `cadence-${name}-worker`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `worker-${process.pid}-${Date.now().toString(36)}.mjs`);
  await build({
    input: join(REPO_ROOT, 'src', 'workers', name, 'worker.ts'),
    platform: 'node',
    external,
    logLevel: 'warn',
    output: { file: path, format: 'esm' },
  });
  return { path, dispose: () => rm(path, { force: true }) };
}
