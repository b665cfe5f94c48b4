import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportDocumentSchema } from '../../shared/contract/data';
import { createTestCore, type TestCore } from '../../../test/support/test-core';

const cores: TestCore[] = [];
async function newCore(): Promise<TestCore> {
  const t = await createTestCore();
  cores.push(t);
  return t;
}
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

async function fillLibrary(t: TestCore): Promise<void> {
  const { profile, posts } = t.core.services;
  await profile.save({
    name: 'Zoë 🍞',
    niche: 'bread & pastry',
    platforms: ['x', 'mastodon'],
    timezone: 'Europe/Berlin',
    goal: { metric: 'followers', target: 5000, deadline: '2027-03-31' },
    cadence: { postsPerWeek: 4, days: ['tue', 'thu'] },
  });
  const a = await posts.create({ title: 'Ünïcödé', body: '👨‍👩‍👧 family bakes\nline two', tags: ['family'] });
  t.clock.advance(1000);
  await posts.update(a.id, 1, { body: 'edited', platforms: ['x'] });
  const b = await posts.create({ body: 'scheduled one', scheduledAt: '2026-12-03T07:30:00.000Z' });
  const c = await posts.create({ body: 'in the trash' });
  await posts.trash([c.id]);
  await posts.setStatuses([{ id: b.id, status: 'archived' }]);
}

describe('export and import', () => {
  it('round-trips losslessly into an empty library, ids kept', async () => {
    const source = await newCore();
    await fillLibrary(source);
    const exported = await source.core.services.data.exportAll();
    expect(exportDocumentSchema.parse(JSON.parse(JSON.stringify(exported)))).toEqual(exported);

    const target = await newCore();
    const result = await target.core.services.data.importAll(JSON.parse(JSON.stringify(exported)), 'merge');
    expect(result).toMatchObject({ profileImported: true, postsAdded: 3, revisionsAdded: exported.revisions.length });

    const reexported = await target.core.services.data.exportAll();
    expect({ ...reexported, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
    expect(await target.core.services.posts.list({ query: 'edited', limit: 5, offset: 0 })).toMatchObject({ total: 1 });
  });

  it('replace makes the library exactly the document and keeps a backup of what was there', async () => {
    const source = await newCore();
    await fillLibrary(source);
    const exported = await source.core.services.data.exportAll();
    const target = await newCore();
    await target.core.services.posts.create({ body: 'local only' });

    await target.core.services.data.importAll(exported, 'replace');
    const after = await target.core.services.data.exportAll();
    expect(after.posts).toEqual(exported.posts);
    expect(after.revisions).toEqual(exported.revisions);
    expect(readdirSync(join(target.dataDir, 'backups')).some((f) => f.startsWith('before-import-'))).toBe(true);
  });

  it('merge keeps local work, takes newer versions and never doubles revisions', async () => {
    const device = await newCore();
    const post = await device.core.services.posts.create({ body: 'v1' });
    const snapshot = await device.core.services.data.exportAll();
    await device.core.services.posts.update(post.id, 1, { body: 'v2 local' });

    const result = await device.core.services.data.importAll(snapshot, 'merge');
    expect(result).toMatchObject({ postsAdded: 0, postsUpdated: 0, postsSkipped: 1, revisionsAdded: 0 });
    expect((await device.core.services.posts.get(post.id)).body).toBe('v2 local');

    const other = await newCore();
    await other.core.services.posts.create({ body: 'their own' });
    await other.core.services.data.importAll(await device.core.services.data.exportAll(), 'merge');
    const merged = await other.core.services.data.exportAll();
    expect(merged.posts.map((p) => p.body).sort()).toEqual(['their own', 'v2 local']);
    expect(merged.revisions).toHaveLength(3);
  });

  it('refuses a document that is not a Cadence export with a clear error', async () => {
    const t = await newCore();
    const result = await t.core.dispatcher.invoke('data:import-all', { document: { format: 'buffer-csv' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses a damaged file whose revisions belong to missing posts, importing nothing', async () => {
    const source = await newCore();
    await fillLibrary(source);
    const exported = await source.core.services.data.exportAll();
    const damaged = { ...exported, posts: exported.posts.slice(1) };
    const target = await newCore();
    const result = await target.core.dispatcher.invoke('data:import-all', { document: damaged });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('damaged') },
    });
    expect((await target.core.services.data.exportAll()).posts).toEqual([]);
  });
});
