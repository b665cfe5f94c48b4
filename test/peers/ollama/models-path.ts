import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The shared test models folder: `CADENCE_TEST_MODELS`, else `<repo>/../shared/models`. */
export function testModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CADENCE_TEST_MODELS?.trim();
  return configured ? resolve(configured) : resolve(REPO_ROOT, '..', 'shared', 'models');
}

/**
 * Absolute path of a test model. A missing file is a broken test setup, not a reason to skip:
 * it throws naming the file and how to point the tests elsewhere.
 */
export function requireTestModel(relativePath: string, env: NodeJS.ProcessEnv = process.env): string {
  const file = join(testModelsDir(env), relativePath);
  if (!existsSync(file)) {
    throw new Error(
      `Test model not found: ${file}. Put ${relativePath} in the shared models folder ` +
        `or set CADENCE_TEST_MODELS to the folder that holds it.`,
    );
  }
  return file;
}

/** The real 260K-parameter TinyStories llama every generating peer runs. */
export const STORIES_260K = 'stories260k/stories260K.gguf';
