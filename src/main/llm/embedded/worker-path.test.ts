import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveEmbeddedWorkerPath } from './worker-path';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cadence-worker-path-'));
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('resolveEmbeddedWorkerPath', () => {
  it('finds the worker next to the main bundle, also from a chunk', async () => {
    await mkdir(join(root, 'out', 'main', 'chunks'), { recursive: true });
    await writeFile(join(root, 'out', 'main', 'llm-worker.js'), '');
    const worker = join(root, 'out', 'main', 'llm-worker.js');
    expect(resolveEmbeddedWorkerPath(pathToFileURL(join(root, 'out', 'main', 'index.js')).href)).toBe(worker);
    expect(resolveEmbeddedWorkerPath(pathToFileURL(join(root, 'out', 'main', 'chunks', 'x.js')).href)).toBe(worker);
  });

  it('names where it looked when the worker was not built', () => {
    const from = pathToFileURL(join(root, 'out', 'main', 'index.js')).href;
    expect(() => resolveEmbeddedWorkerPath(from)).toThrow(
      /llm-worker\.js\) is missing; looked in: .*out\/main\/llm-worker\.js/,
    );
  });
});
