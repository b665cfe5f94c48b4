import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { RANKED_MATCH_LIMIT, SEARCH_TOTAL_CAP } from './posts.search';
import { createTestCore, type TestCore } from '../../../test/support/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

const search = async (query: string) =>
  (await t.core.services.posts.list({ query, limit: 50, offset: 0 })).items.map((p) => p.title);

describe('full-text search', () => {
  it('stays in sync after create, update, trash and purge', async () => {
    const posts = t.core.services.posts;
    const post = await posts.create({
      title: 'Lamination',
      body: 'Cold butter makes flaky croissants',
      tags: ['viennoiserie'],
    });
    expect(await search('croissants')).toEqual(['Lamination']);
    expect(await search('croiss')).toEqual(['Lamination']);
    expect(await search('viennoiserie')).toEqual(['Lamination']);

    await posts.update(post.id, 1, { body: 'Warm kitchens ruin the layers' });
    expect(await search('croissants')).toEqual([]);
    expect(await search('kitchens')).toEqual(['Lamination']);

    await posts.trash([post.id]);
    expect(await search('kitchens')).toEqual([]);
    expect((await posts.list({ query: 'kitchens', includeDeleted: true, limit: 10, offset: 0 })).total).toBe(1);

    t.clock.advance(31 * 86_400_000);
    expect(await posts.purgeTrash()).toBe(1);
    const orphans = t.core.database.raw
      .prepare("select count(*) from posts_fts where posts_fts match 'kitchens'")
      .pluck()
      .get();
    expect(orphans).toBe(0);
  });

  it('treats search operators and punctuation as plain words', async () => {
    await t.core.services.posts.create({ title: 'Ops', body: 'AND OR NOT "quoted" (parens) col:on' });
    expect(await search('"quoted')).toEqual(['Ops']);
    expect(await search('col:on')).toEqual(['Ops']);
    expect(await search('NOT')).toEqual(['Ops']);
    expect(await search('***')).toEqual([]);
  });

  it('filters by status, platform, tag and date range', async () => {
    const posts = t.core.services.posts;
    await posts.create({ title: 'A', platforms: ['x'], tags: ['bread'], status: 'idea' });
    await posts.create({ title: 'B', platforms: ['bluesky'], tags: ['cake'], scheduledAt: '2026-12-01T09:00:00.000Z' });
    const titles = async (filter: object) =>
      (await posts.list({ limit: 50, offset: 0, ...filter })).items.map((p) => p.title).sort();
    expect(await titles({ statuses: ['scheduled'] })).toEqual(['B']);
    expect(await titles({ platforms: ['x'] })).toEqual(['A']);
    expect(await titles({ tag: 'cake' })).toEqual(['B']);
    expect(await titles({ from: '2026-11-30T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' })).toEqual(['B']);
  });
});

describe('revisions', () => {
  it('keep every save and restore one exactly, as a new revision', async () => {
    const posts = t.core.services.posts;
    const first = await posts.create({ title: 'Hook', body: 'v1 body', tags: ['a'], platforms: ['x'] });
    t.clock.advance(60_000);
    await posts.update(first.id, 1, { body: 'v2 body', tags: ['b'], platforms: ['x', 'threads'] });
    t.clock.advance(60_000);
    await posts.update(first.id, 2, { title: 'Hook 3', scheduledAt: '2026-12-24T18:00:00.000Z', status: 'scheduled' });

    const revisions = await posts.listRevisions(first.id);
    expect(revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    const v1 = revisions[2]!;
    const restored = await posts.restoreRevision(first.id, v1.id);
    expect(restored).toMatchObject({
      title: 'Hook',
      body: 'v1 body',
      tags: ['a'],
      platforms: ['x'],
      status: 'draft',
      scheduledAt: null,
      version: 4,
    });
    expect((await posts.listRevisions(first.id))[0]).toMatchObject({ version: 4, body: 'v1 body' });
  });

  it('do not pile up when a save changes nothing', async () => {
    const posts = t.core.services.posts;
    const post = await posts.create({ body: 'same' });
    const again = await posts.update(post.id, 1, { body: 'same' });
    expect(again.version).toBe(1);
    expect(await posts.listRevisions(post.id)).toHaveLength(1);
  });
});

describe('saving', () => {
  it('refuses a save from a stale version with CONFLICT, keeping the newer text', async () => {
    const posts = t.core.services.posts;
    const post = await posts.create({ body: 'one' });
    await posts.update(post.id, 1, { body: 'two' });
    const stale = posts.update(post.id, 1, { body: 'three' });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect((await posts.get(post.id)).body).toBe('two');
  });

  it('requires a time for a scheduled post', async () => {
    await expect(t.core.services.posts.create({ status: 'scheduled' })).rejects.toBeInstanceOf(ContractError);
  });

  it('schedules, reschedules and unschedules; a published post keeps its time', async () => {
    const posts = t.core.services.posts;
    const post = await posts.create({ body: 'x' });
    const scheduled = await posts.schedule(post.id, '2026-12-01T08:00:00.000Z');
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: '2026-12-01T08:00:00.000Z' });
    const unscheduled = await posts.schedule(post.id, null);
    expect(unscheduled).toMatchObject({ status: 'ready', scheduledAt: null });
    const published = await posts.create({ body: 'y', status: 'published' });
    await expect(posts.schedule(published.id, '2026-12-01T08:00:00.000Z')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('archives in bulk and undoes it with the statuses it returned', async () => {
    const posts = t.core.services.posts;
    const a = await posts.create({ body: 'a', status: 'idea' });
    const b = await posts.create({ body: 'b', scheduledAt: '2026-12-01T08:00:00.000Z' });
    const previous = await posts.setStatuses([
      { id: a.id, status: 'archived' },
      { id: b.id, status: 'archived' },
    ]);
    expect((await posts.get(b.id)).status).toBe('archived');
    await posts.setStatuses(previous);
    expect((await posts.get(a.id)).status).toBe('idea');
    expect((await posts.get(b.id)).status).toBe('scheduled');
  });

  it('moves posts to the trash and back', async () => {
    const posts = t.core.services.posts;
    const a = await posts.create({ body: 'keep me' });
    await posts.trash([a.id]);
    expect((await posts.list({ limit: 10, offset: 0 })).total).toBe(0);
    await posts.restore([a.id]);
    expect((await posts.list({ limit: 10, offset: 0 })).items.map((p) => p.id)).toEqual([a.id]);
  });

  it('announces changes only after they are committed', async () => {
    const seen: string[] = [];
    // Other domains announce their own state (sync at start-up); this is about the posts' events.
    t.core.events.onAny((event, payload) => {
      if (event.startsWith('posts:')) seen.push(`${event}:${JSON.stringify(payload)}`);
    });
    const post = await t.core.services.posts.create({ body: 'x' });
    await t.core.services.posts.update(post.id, 5, { body: 'y' }).catch(() => undefined);
    expect(seen).toEqual([`posts:changed:${JSON.stringify({ ids: [post.id], reason: 'created' })}`]);
  });
});

describe('search in a big library', () => {
  it('ranks by relevance up to the limit, then lists newest matches first with a capped total', async () => {
    const insert = t.core.database.raw.prepare(
      `insert into posts (id, title, body, status, tags, platforms, created_at, updated_at, version)
       values (?, ?, ?, 'draft', '[]', '[]', ?, ?, 1)`,
    );
    const now = '2026-11-25T10:00:00.000Z';
    t.core.database.raw.transaction(() => {
      for (let i = 0; i < RANKED_MATCH_LIMIT + 10; i++) {
        insert.run(crypto.randomUUID(), `post ${i}`, `common words and kale number ${i}`, now, now);
      }
      insert.run(crypto.randomUUID(), 'Kale kale kale', 'all about kale', now, now);
    })();
    const posts = t.core.services.posts;

    const many = await posts.list({ query: 'kale', limit: 5, offset: 0 });
    expect(many).toMatchObject({ order: 'newest', total: SEARCH_TOTAL_CAP, totalCapped: true });
    expect(many.items[0]!.title).toBe('Kale kale kale');
    expect(many.items[1]!.title).toBe(`post ${RANKED_MATCH_LIMIT + 9}`);

    const few = await posts.list({ query: 'about', limit: 5, offset: 0 });
    expect(few).toMatchObject({ order: 'relevance', total: 1, totalCapped: false });

    // Every post holds "number": ranking it would walk them all, so the newest come first.
    const common = await posts.list({ query: 'number 7', limit: 5, offset: 0 });
    expect(common).toMatchObject({ order: 'newest', total: 1, totalCapped: false });

    const none = await posts.list({ limit: 1, offset: 0 });
    expect(none).toMatchObject({ order: 'updated', total: RANKED_MATCH_LIMIT + 11, totalCapped: false });
  });
});
