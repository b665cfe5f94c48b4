import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deadUrl } from '../../../test/peers/ollama/dead-url';
import { createOllamaPeer, type OllamaPeer } from '../../../test/peers/ollama/peer';
import { invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { dot, normalise } from './vectors';

/** Search against the Ollama protocol peer, whose /api/embed runs the real stories260K model. */
let peer: OllamaPeer;
let t: TestCore;
beforeAll(async () => {
  peer = await createOllamaPeer();
});
afterAll(() => peer.close());
afterEach(() => t?.dispose());

async function start(url: string) {
  t = await createTestCore({ llm: { ollama: { url }, embedded: 'off' } });
  await t.core.services.llm.saveSettings({ chains: { embeddings: [{ provider: 'ollama', model: 'stories260k' }] } });
  return t.core.domains.search;
}

const create = (body: string, platforms: ('x' | 'linkedin')[] = ['x']) =>
  invokeOk(t.core, 'posts:create-post', { body, platforms });
const embedCalls = () => peer.requests.filter((r) => r.path === '/api/embed');
const vectorRows = () => t.core.database.db.selectFrom('post_embeddings').selectAll().orderBy('post_id').execute();

describe('semantic indexing', () => {
  it('stores a normalised vector per post, skips unchanged posts and re-embeds a changed one', async () => {
    const search = await start(peer.url);
    const bread = await create('Sourdough starter tips for beginners');
    await create('Three lessons from shipping a product launch');
    await search.indexer.flush();

    const rows = await vectorRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ model: 'stories260k', dims: 64 });
      expect(row.vector.byteLength).toBe(64 * 4);
      const vector = new Float32Array(new Uint8Array(row.vector).buffer);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 4);
    }
    const usage = await t.core.database.db
      .selectFrom('llm_usage')
      .selectAll()
      .where('task', '=', 'embeddings')
      .execute();
    expect(usage.length).toBeGreaterThan(0);
    expect(usage.every((u) => u.outcome === 'ok' && u.provider === 'ollama' && u.model === 'stories260k')).toBe(true);

    // Nothing changed: a new run embeds nothing.
    const before = embedCalls().length;
    search.indexer.enqueue('all');
    await search.indexer.flush();
    expect(embedCalls().length).toBe(before);

    const old = rows.find((r) => r.post_id === bread.id)!;
    await invokeOk(t.core, 'posts:update-post', { id: bread.id, version: bread.version, body: 'Rye bread, slowly' });
    await search.indexer.flush();
    const calls = embedCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body?.input).toEqual(['Rye bread, slowly']);
    const updated = (await vectorRows()).find((r) => r.post_id === bread.id)!;
    expect(updated.content_hash).not.toBe(old.content_hash);
    expect(Buffer.compare(updated.vector, old.vector)).not.toBe(0);

    expect(await invokeOk(t.core, 'search:get-status', {})).toMatchObject({
      model: 'stories260k',
      provider: 'ollama',
      available: true,
      indexed: 2,
      total: 2,
      reason: null,
    });
  });
});

describe('search:search-library', () => {
  it('fuses full-text and semantic results (mode hybrid) and respects the filters', async () => {
    const search = await start(peer.url);
    const exact = await create('Sourdough starter tips');
    const other = await create('Quarterly planning for a small team');
    const linkedin = await create('Sourdough starter tips', ['linkedin']);
    await search.indexer.flush();

    const result = await invokeOk(t.core, 'search:search-library', {
      query: 'Sourdough starter tips',
      platforms: ['x'],
    });
    expect(result).toMatchObject({ mode: 'hybrid', reason: null });
    // The same text embeds to the same vector (cosine 1), and its words match: found both ways, first.
    expect(result.items[0]).toMatchObject({ id: exact.id, matchedBy: ['full-text', 'semantic'] });
    expect(result.items.map((i) => i.id)).not.toContain(linkedin.id);

    // The other post shares no word: it is in only when the model's vectors put it close enough.
    const [q, o] = (await t.core.services.llm.embed(['Sourdough starter tips', 'Quarterly planning for a small team']))
      .vectors;
    const close = dot(normalise(q!), normalise(o!)) >= 0.2;
    const found = result.items.find((i) => i.id === other.id);
    expect(found?.matchedBy ?? null).toEqual(close ? ['semantic'] : null);
    expect(result.total).toBe(close ? 2 : 1);
  });

  it("mode 'full-text' is exactly posts:list-posts", async () => {
    const search = await start(peer.url);
    await create('Sourdough starter tips');
    await create('More sourdough: the bake');
    await search.indexer.flush();
    const before = embedCalls().length;
    const result = await invokeOk(t.core, 'search:search-library', { query: 'sourdough', mode: 'full-text' });
    const list = await invokeOk(t.core, 'posts:list-posts', { query: 'sourdough' });
    expect(result).toMatchObject({ mode: 'full-text', reason: null, total: list.total });
    expect(result.items.map(({ matchedBy, ...post }) => [post, matchedBy])).toEqual(
      list.items.map((post) => [post, ['full-text']]),
    );
    expect(embedCalls().length).toBe(before);
  });

  it('falls back to full-text with the reason when no embeddings model runs', async () => {
    const search = await start(await deadUrl());
    await create('Sourdough starter tips');
    await create('Sourdough for busy people', ['linkedin']);
    await create('Nothing to do with bread');
    await search.indexer.flush();
    expect(await vectorRows()).toEqual([]);

    const filter = { query: 'sourdough', platforms: ['x' as const, 'linkedin' as const], limit: 10 };
    const result = await invokeOk(t.core, 'search:search-library', filter);
    const list = await invokeOk(t.core, 'posts:list-posts', filter);
    expect(result.mode).toBe('full-text');
    expect(result.reason).toMatch(/^No embeddings model is running/u);
    expect(
      result.items.map(({ matchedBy, ...post }) => {
        void matchedBy;
        return post;
      }),
    ).toEqual(list.items);
    expect(result.total).toBe(list.total);

    expect(await search.service.similarPosts('sourdough', 3)).toBeNull();
    const status = await invokeOk(t.core, 'search:get-status', {});
    expect(status).toMatchObject({ available: false, indexed: 0, total: 3 });
    expect(status.reason).toEqual(expect.any(String));
  });
});

describe('similarPosts', () => {
  it('returns the closest posts by meaning, best first', async () => {
    const search = await start(peer.url);
    const exact = await create('A cat sat on the mat');
    await create('Invoices are due on Friday');
    await search.indexer.flush();
    const similar = await search.service.similarPosts('A cat sat on the mat', 2);
    expect(similar?.map((s) => s.post.id)[0]).toBe(exact.id);
    expect(similar?.[0]?.score).toBeCloseTo(1, 3);
    expect(similar).toHaveLength(2);
  });
});
