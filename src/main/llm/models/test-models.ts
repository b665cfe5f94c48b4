import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where test model files live: $CADENCE_TEST_MODELS, else the shared folder beside the repo. */
export function testModelsDir(): string {
  return resolve(process.env.CADENCE_TEST_MODELS ?? resolve(REPO_ROOT, '..', 'shared', 'models'));
}

/**
 * The absolute path of a test model, e.g. testModelPath('stories260k/stories260K.gguf'). Throws
 * when it is missing: a test that needs a real model must fail loudly, never skip quietly.
 */
export function testModelPath(relative: string): string {
  const path = resolve(testModelsDir(), relative);
  if (!existsSync(path)) {
    throw new Error(
      `Test model missing: ${path}. Put ${relative} under ${testModelsDir()} or point CADENCE_TEST_MODELS at the folder that holds it.`,
    );
  }
  return path;
}
