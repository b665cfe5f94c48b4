import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Bundles src/workers/stt/worker.ts into a runnable .mjs for tests, as electron-vite does for the
 * app. It goes under node_modules/.cache so that the external whisper.node binding resolves.
 */
export async function buildTestSttWorker(): Promise<{ path: string; dispose(): Promise<void> }> {
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'cadence-stt-worker');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `worker-${process.pid}-${Date.now().toString(36)}.mjs`);
  await build({
    input: join(REPO_ROOT, 'src', 'workers', 'stt', 'worker.ts'),
    platform: 'node',
    external: [/^@fugood\//],
    logLevel: 'warn',
    output: { file: path, format: 'esm' },
  });
  return { path, dispose: () => rm(path, { force: true }) };
}
