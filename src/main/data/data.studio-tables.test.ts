import { afterEach, describe, expect, it } from 'vitest';
import { type ExportDocument, exportDocumentSchema, MEDIA_NOTE } from '../../shared/contract/data';
import { createTestCore, type TestCore } from '../../../test/support/test-core';

const cores: TestCore[] = [];
async function newCore(): Promise<TestCore> {
  const t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  cores.push(t);
  return t;
}
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

function viaJson(document: ExportDocument): ExportDocument {
  return exportDocumentSchema.parse(JSON.parse(JSON.stringify(document)));
}

const STUDIO_SECTIONS = [
  'ideas',
  'postOrigins',
  'templates',
  'voiceProfile',
  'media',
  'postMedia',
  'bulkJobs',
  'bulkItems',
  'hashtagTrends',
  'settings',
] as const;

/** Saves each owner's settings document through its channel, as the UI would. */
async function saveSettings(t: TestCore): Promise<void> {
  const slots = await t.core.dispatcher.invoke('planning:save-slots', {
    platform: 'x',
    slots: [{ weekday: 1, hour: 8, minute: 30 }],
  });
  expect(slots.ok, JSON.stringify(slots)).toBe(true);
  // The report schedule and coach preferences: what get-* returns, saved back.
  for (const [get, save] of [
    ['reports:get-schedule', 'reports:save-schedule'],
    ['coach:get-preferences', 'coach:save-preferences'],
  ] as const) {
    const current = await t.core.dispatcher.invoke(get, {});
    expect(current.ok, get).toBe(true);
    const saved = await t.core.dispatcher.invoke(save, current.ok ? (current.value as never) : ({} as never));
    expect(saved.ok, `${save}: ${JSON.stringify(saved)}`).toBe(true);
  }
}

/** Two posts, and a row in every content-studio table that links to them. */
async function fillStudioTables(t: TestCore, tag = 'a'): Promise<{ postIds: string[] }> {
  const { posts } = t.core.services;
  const first = await posts.create({ body: `From an idea (${tag})` });
  const second = await posts.create({ body: `From a bulk job (${tag})` });
  const db = t.core.database.db;
  const now = '2026-11-24T09:00:00.000Z';
  await db
    .insertInto('ideas')
    .values({
      id: `idea-${tag}`,
      topic: 'Starter care',
      source_kind: 'post',
      source_text: 'notes',
      source_post_id: first.id,
      platforms: '["x","linkedin"]',
      template_id: 'listicle',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('templates')
    .values({
      id: `tpl-${tag}`,
      name: 'Three tips',
      description: '',
      structure: '{{hook}}\n1. …',
      variables: '[{"name":"hook","label":"Hook","example":"Bake better"}]',
      format: 'listicle',
      hidden: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('voice_profile')
    .values({ id: 1, profile: `{"tone":["warm"],"tag":"${tag}"}`, learned_at: now, edited_at: null })
    .execute();
  await db
    .insertInto('media')
    .values({
      id: `sha-${tag}`,
      kind: 'image',
      mime: 'image/png',
      bytes: 2048,
      width: 640,
      height: 480,
      duration_ms: null,
      file: `media/sha-${tag}.png`,
      thumb_file: null,
      original_name: 'loaf.png',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('post_media')
    .values({ post_id: first.id, media_id: `sha-${tag}`, position: 0, alt_text: 'A loaf' })
    .execute();
  const jobId = `job-${tag}`;
  await db
    .insertInto('bulk_jobs')
    .values({
      id: jobId,
      request: '{"niche":"bread"}',
      status: 'done',
      concurrency: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const item = await db
    .insertInto('bulk_items')
    .values({
      job_id: jobId,
      position: 0,
      platform: 'x',
      topic: 'Hydration',
      format: 'how-to',
      template_id: null,
      due_at: '2026-12-01T09:00:00.000Z',
      status: 'done',
      attempts: 1,
      post_id: second.id,
      error: null,
      generation_ms: 1234.5,
      started_at: now,
      finished_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('bulk_items')
    .values({
      job_id: jobId,
      position: 1,
      platform: 'x',
      topic: 'Scoring',
      format: 'story',
      template_id: null,
      due_at: '2026-12-03T09:00:00.000Z',
      status: 'failed',
      attempts: 3,
      post_id: null,
      error: 'the engine crashed',
      generation_ms: null,
      started_at: now,
      finished_at: now,
    })
    .execute();
  await db
    .insertInto('post_origins')
    .values([
      { post_id: first.id, idea_id: `idea-${tag}`, variant_label: 'A', template_id: 'listicle', bulk_item_id: null },
      { post_id: second.id, idea_id: null, variant_label: null, template_id: null, bulk_item_id: item.id },
    ])
    .execute();
  await db
    .insertInto('hashtag_trends')
    .values({ tag: '#sourdough', platform: 'x', score: 0.8, source: `csv-${tag}`, observed_at: now })
    .execute();
  // Derived data: never exported.
  await db
    .insertInto('post_embeddings')
    .values({
      post_id: first.id,
      model: 'nomic-embed-text',
      content_hash: 'EMBEDDING-HASH',
      dims: 2,
      vector: Buffer.from(new Float32Array([0.5, 0.25]).buffer),
      updated_at: now,
    })
    .execute();
  return { postIds: [first.id, second.id] };
}

describe('export and import of the content studio and settings', () => {
  it('round-trips every section into an empty library with ids and links kept; embeddings stay out', async () => {
    const source = await newCore();
    await fillStudioTables(source);
    await saveSettings(source);
    const exported = await source.core.services.data.exportAll();
    for (const section of STUDIO_SECTIONS) expect(exported[section].length, section).toBeGreaterThan(0);
    expect(exported.settings.map((s) => s.key)).toEqual(expect.arrayContaining(['planning.slots', 'reports.schedule']));
    expect(exported.mediaNote).toBe(MEDIA_NOTE);
    expect(exported.mediaNote).toContain('<data>/media/');
    const text = JSON.stringify(exported);
    expect(text).not.toContain('EMBEDDING-HASH');
    expect(text).not.toContain('nomic-embed-text');
    expect(viaJson(exported)).toEqual(exported);

    const target = await newCore();
    const result = await target.core.services.data.importAll(viaJson(exported), 'merge');
    expect(result.rowsAdded).toMatchObject({
      ideas: 1,
      postOrigins: 2,
      templates: 1,
      voiceProfile: 1,
      media: 1,
      postMedia: 1,
      bulkJobs: 1,
      bulkItems: 2,
      hashtagTrends: 1,
      settings: exported.settings.length,
    });
    const reexported = await target.core.services.data.exportAll();
    expect({ ...reexported, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
    expect(await target.core.database.db.selectFrom('post_embeddings').selectAll().execute()).toEqual([]);
  });

  it('no secret value from the secrets port appears in an export', async () => {
    const t = await newCore();
    await fillStudioTables(t);
    await saveSettings(t);
    const { secrets } = t.core.ports;
    await secrets.set('openai.apiKey', 'sk-proj-SECRET-openai-0123456789');
    await secrets.set('anthropic.apiKey', 'sk-ant-SECRET-anthropic-abcdef');
    await secrets.set('x.token', 'x-oauth-SECRET-token');
    await secrets.set('mastodon.token', 'mastodon-SECRET-token');

    const text = JSON.stringify(await t.core.services.data.exportAll());
    const keys = await secrets.keys();
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) {
      const value = await secrets.get(key);
      expect(value, key).toBeTruthy();
      expect(text.includes(value!), `the value of ${key} is in the export`).toBe(false);
    }
    expect(text).not.toContain('SECRET');
  });

  it('imports a version-2 file written before these sections existed, treating them as empty', async () => {
    const source = await newCore();
    await source.core.services.posts.create({ body: 'from Cadence with analytics only' });
    const document: Record<string, unknown> = { ...(await source.core.services.data.exportAll()) };
    for (const section of [...STUDIO_SECTIONS, 'mediaNote']) delete document[section];

    const target = await newCore();
    await saveSettings(target);
    const before = await target.core.database.db.selectFrom('settings').selectAll().execute();
    const result = await target.core.dispatcher.invoke('data:import-all', { document, mode: 'merge' });
    expect(result).toMatchObject({ ok: true, value: { postsAdded: 1, rowsAdded: { ideas: 0, settings: 0 } } });
    expect(await target.core.database.db.selectFrom('settings').selectAll().execute()).toEqual(before);
  });

  it('replace makes the studio tables and settings exactly the document', async () => {
    const source = await newCore();
    await fillStudioTables(source, 'a');
    await saveSettings(source);
    const exported = await source.core.services.data.exportAll();
    const target = await newCore();
    await fillStudioTables(target, 'b');
    await target.core.database.db
      .insertInto('settings')
      .values({ key: 'local.only', value: '{}', updated_at: '2026-11-01T00:00:00.000Z' })
      .execute();

    await target.core.services.data.importAll(viaJson(exported), 'replace');
    const after = await target.core.services.data.exportAll();
    expect({ ...after, exportedAt: '', profile: null }).toEqual({ ...exported, exportedAt: '', profile: null });
  });

  it('merge adds only what is missing, keeps local rows and is the same twice as once', async () => {
    const source = await newCore();
    await fillStudioTables(source, 'a');
    await saveSettings(source);
    const exported = viaJson(await source.core.services.data.exportAll());

    const target = await newCore();
    await fillStudioTables(target, 'b'); // its own voice row, job, items and a trend from another source
    await target.core.database.db
      .insertInto('settings')
      .values({ key: 'reports.schedule', value: '{"local":true}', updated_at: '2026-11-01T00:00:00.000Z' })
      .execute();
    const first = await target.core.services.data.importAll(exported, 'merge');
    expect(first.rowsAdded).toMatchObject({ ideas: 1, voiceProfile: 0, bulkJobs: 1, bulkItems: 2, postOrigins: 2 });
    const second = await target.core.services.data.importAll(exported, 'merge');
    expect(Object.values(second.rowsAdded).every((n) => n === 0)).toBe(true);

    const db = target.core.database.db;
    const voice = await db.selectFrom('voice_profile').select('profile').executeTakeFirstOrThrow();
    expect(voice.profile).toContain('"tag":"b"');
    const schedule = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'reports.schedule')
      .executeTakeFirstOrThrow();
    expect(schedule.value).toBe('{"local":true}');
    // The imported job's item ids were taken here: they were renumbered, and the origin follows.
    const origin = await db
      .selectFrom('post_origins')
      .innerJoin('bulk_items', 'bulk_items.id', 'post_origins.bulk_item_id')
      .select(['bulk_items.job_id', 'bulk_items.post_id', 'post_origins.post_id as origin_post'])
      .where('bulk_items.job_id', '=', 'job-a')
      .executeTakeFirstOrThrow();
    expect(origin.post_id).toBe(origin.origin_post);
    expect(await db.selectFrom('bulk_items').select('id').execute()).toHaveLength(4);
  });

  it('a job that was running arrives paused, its generating items pending', async () => {
    const source = await newCore();
    await fillStudioTables(source);
    const db = source.core.database.db;
    await db.updateTable('bulk_jobs').set({ status: 'running' }).execute();
    await db.updateTable('bulk_items').set({ status: 'generating', post_id: null }).where('position', '=', 1).execute();
    const exported = viaJson(await source.core.services.data.exportAll());

    const target = await newCore();
    await target.core.services.data.importAll(exported, 'merge');
    const job = await target.core.database.db.selectFrom('bulk_jobs').select('status').executeTakeFirstOrThrow();
    expect(job.status).toBe('paused');
    const items = await target.core.database.db.selectFrom('bulk_items').select('status').orderBy('position').execute();
    expect(items.map((i) => i.status)).toEqual(['done', 'pending']);
  });

  it.each([
    [
      'post media naming a post the file does not contain',
      (d: ExportDocument) => ({
        ...d,
        postMedia: [{ ...d.postMedia[0]!, post_id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }],
      }),
    ],
    ['post media naming a missing media row', (d: ExportDocument) => ({ ...d, media: [] })],
    ['a bulk item of a missing job', (d: ExportDocument) => ({ ...d, bulkJobs: [] })],
    ['an origin naming a missing idea', (d: ExportDocument) => ({ ...d, ideas: [] })],
    ['an origin naming a missing bulk item', (d: ExportDocument) => ({ ...d, bulkItems: d.bulkItems.slice(1) })],
  ])('refuses a damaged file (%s) and writes nothing', async (_name, damage) => {
    const source = await newCore();
    await fillStudioTables(source);
    const exported = await source.core.services.data.exportAll();
    const target = await newCore();
    const result = await target.core.dispatcher.invoke('data:import-all', { document: damage(exported) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('damaged') },
    });
    const after = await target.core.services.data.exportAll();
    expect(after.posts).toEqual([]);
    expect(after.media).toEqual([]);
  });
});
