import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelCatalog, toModelInfo } from './model-catalog';

let root: string;
let modelsDir: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cadence-catalog-'));
  modelsDir = join(root, 'models');
});

afterEach(() => rm(root, { recursive: true, force: true }));

describe('ModelCatalog', () => {
  it('is empty before anything was downloaded', async () => {
    expect(await new ModelCatalog(modelsDir).list()).toEqual([]);
    await expect(new ModelCatalog(modelsDir).resolve('any')).rejects.toMatchObject({
      kind: 'not_found',
      message: 'No embedded model "any" (none is installed)',
    });
  });

  it('lists .gguf files only, and the user file first', async () => {
    await mkdir(modelsDir);
    await writeFile(join(modelsDir, 'Llama-3.2-3B-Instruct-Q4_K_M.gguf'), 'x'.repeat(10));
    await writeFile(join(modelsDir, 'Other-Q8_0.gguf.part'), 'partial');
    await writeFile(join(modelsDir, 'notes.txt'), 'no');
    const mine = join(root, 'mine.gguf');
    await writeFile(mine, 'yy');

    const catalog = new ModelCatalog(modelsDir, () => mine);
    expect((await catalog.list()).map((e) => e.id)).toEqual(['mine', 'Llama-3.2-3B-Instruct-Q4_K_M']);
  });

  it('resolves ids the way settings spell them', async () => {
    await mkdir(modelsDir);
    await writeFile(join(modelsDir, 'Llama-3.2-3B-Instruct-Q4_K_M.gguf'), 'x');
    const catalog = new ModelCatalog(modelsDir);
    for (const name of ['llama-3.2-3b-instruct-q4_k_m', 'Llama-3.2-3B-Instruct-Q4_K_M.gguf']) {
      expect((await catalog.resolve(name)).path).toBe(join(modelsDir, 'Llama-3.2-3B-Instruct-Q4_K_M.gguf'));
    }
  });

  it('prefers the user file when names clash, and ignores a user file that is gone', async () => {
    await mkdir(modelsDir);
    await writeFile(join(modelsDir, 'same.gguf'), 'a');
    const mine = join(root, 'SAME.gguf');
    await writeFile(mine, 'bb');
    expect((await new ModelCatalog(modelsDir, () => mine).resolve('same')).path).toBe(mine);
    expect((await new ModelCatalog(modelsDir, () => join(root, 'gone.gguf')).list()).map((e) => e.id)).toEqual([
      'same',
    ]);
  });
});

describe('toModelInfo', () => {
  it('reads quantisation and size from the usual file-name convention', () => {
    expect(toModelInfo({ id: 'Llama-3.2-3B-Instruct-Q4_K_M', path: '/m', sizeBytes: 5 })).toEqual({
      id: 'Llama-3.2-3B-Instruct-Q4_K_M',
      provider: 'embedded',
      sizeBytes: 5,
      quantization: 'Q4_K_M',
      parameterSize: '3B',
    });
    expect(toModelInfo({ id: 'stories260K', path: '/m', sizeBytes: 1 })).toEqual({
      id: 'stories260K',
      provider: 'embedded',
      sizeBytes: 1,
    });
  });
});
