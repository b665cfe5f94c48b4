import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG, loadModelCatalog, parseModelCatalog } from './catalog';
import { recommendFor, recommendModels } from './recommend';

const GB = 1024 ** 3;

describe('model catalog', () => {
  it('ships a valid catalog covering every task', () => {
    const tasks = new Set(BUNDLED_CATALOG.flatMap((model) => model.tasks));
    expect([...tasks].sort()).toEqual([
      'classification',
      'coaching',
      'drafting',
      'embeddings',
      'hashtags',
      'rewriting',
    ]);
  });

  it('names the bad entry and field', () => {
    const good = BUNDLED_CATALOG[0];
    const bad = { ...good, tag: 'qwen2.5:3b', tasks: ['drafting', 'singing'], sizeBytes: -1 };
    expect(() => parseModelCatalog({ version: 1, models: [good, bad] }, 'my-catalog.json')).toThrow(
      /my-catalog\.json is not a valid model catalog:\n- models\[1\] \(qwen2\.5:3b\)\.sizeBytes: .*\n- models\[1\] \(qwen2\.5:3b\)\.tasks\.1: /,
    );
    expect(() => parseModelCatalog({ version: 1, models: [good, good] })).toThrow(
      /models\[1\] \(llama3\.1:8b\) repeats a tag/,
    );
  });

  it('loads a user-edited file and reports broken JSON with the file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadence-catalog-'));
    try {
      const file = join(dir, 'model-catalog.json');
      writeFileSync(file, JSON.stringify({ version: 1, models: BUNDLED_CATALOG.slice(0, 2) }));
      expect(await loadModelCatalog(file)).toHaveLength(2);
      writeFileSync(file, '{ "version": 1, ');
      await expect(loadModelCatalog(file)).rejects.toThrow(`${file} is not valid JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const gpu = (gb: number) => ({ gpuFreeBytes: gb * GB, ramFreeBytes: 16 * GB });
const cpu = (gb: number) => ({ gpuFreeBytes: null, ramFreeBytes: gb * GB });

describe('recommendFor', () => {
  // At the default 8K context: qwen3:8b needs 6.0 GB, llama3.2:3b 2.8 GB, qwen2.5:3b 2.1 GB.
  it.each([
    ['16 GB GPU', gpu(16), 'drafting', 'qwen3:8b', 'green'],
    ['8 GB GPU', gpu(8), 'coaching', 'qwen3:8b', 'green'],
    ['4 GB GPU', gpu(4), 'drafting', 'llama3.2:3b', 'green'],
    ['4 GB GPU', gpu(4), 'coaching', 'qwen3:4b', 'green'],
    ['CPU, 16 GB free', cpu(16), 'classification', 'qwen2.5:7b', 'green'],
    ['CPU, 6 GB free', cpu(6), 'hashtags', 'qwen2.5:3b', 'green'],
    ['CPU, 4 GB free', cpu(4), 'drafting', 'llama3.2:3b', 'yellow'],
    ['CPU, 2 GB free', cpu(2), 'hashtags', 'gemma3:1b', 'green'],
    ['CPU, 2 GB free', cpu(2), 'classification', 'qwen2.5:1.5b', 'green'],
    ['CPU, 2 GB free', cpu(2), 'embeddings', 'mxbai-embed-large', 'green'],
  ] as const)('%s: %s → %s (%s)', (_machine, budget, task, tag, rating) => {
    const result = recommendFor(task, BUNDLED_CATALOG, budget);
    expect(result.pick?.model.tag).toBe(tag);
    expect(result.pick?.fit.rating).toBe(rating);
    expect(result.reason.startsWith(`${result.pick?.model.name}: Needs`)).toBe(true);
  });

  it('prefers an installed model among equally good fits', () => {
    expect(recommendFor('hashtags', BUNDLED_CATALOG, cpu(2)).pick?.model.tag).toBe('gemma3:1b');
    const withInstalled = recommendFor('hashtags', BUNDLED_CATALOG, cpu(2), { installed: ['qwen2.5:1.5b'] });
    expect(withInstalled.pick).toMatchObject({ installed: true, model: { tag: 'qwen2.5:1.5b' } });
  });

  it('sizes the KV cache for the context the app will use', () => {
    const small = recommendFor('drafting', BUNDLED_CATALOG, gpu(6), { contextLength: 2048 });
    const large = recommendFor('drafting', BUNDLED_CATALOG, gpu(6), { contextLength: 32768 });
    expect(small.pick?.model.tag).toBe('qwen3:8b');
    expect(large.pick?.model.tag).not.toBe('qwen3:8b');
  });

  it('picks nothing when nothing fits, and says which model came closest', () => {
    const result = recommendFor('drafting', BUNDLED_CATALOG, cpu(1));
    expect(result.pick).toBeNull();
    expect(result.reason).toMatch(/^Nothing for drafting fits this machine\. Smallest: Llama 3\.2 3B\. Needs/);
    expect(result.candidates.every((c) => c.fit.rating === 'red')).toBe(true);
  });

  it('recommends for every task at once', () => {
    const all = recommendModels(BUNDLED_CATALOG, gpu(8));
    expect(Object.keys(all)).toHaveLength(6);
    expect(all.embeddings.pick?.model.tasks).toContain('embeddings');
  });
});
