import { afterEach, describe, expect, it } from 'vitest';
import { type ExportDocument, exportDocumentSchema } from '../../shared/contract/data';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { makeHistoryCsv } from '../../../test/support/history-csv';

const cores: TestCore[] = [];
async function newCore(): Promise<TestCore> {
  const t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  cores.push(t);
  return t;
}
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

/** A library with history imported and a row in every other creator table. */
async function fillCreatorTables(t: TestCore, seed = 5): Promise<void> {
  const { csv } = makeHistoryCsv({ posts: 12, seed, endDate: '2026-11-20T00:00:00.000Z' });
  const imported = await t.core.dispatcher.invoke('imports:import-file', {
    fileName: 'h.csv',
    content: csv,
    jobId: 'j',
  });
  expect(imported.ok).toBe(true);
  await t.core.dispatcher.invoke('imports:import-file', {
    fileName: 'f.csv',
    content: 'date,platform,account,followers,impressions\n2026-11-01,x,baker_jo,900,40\n2026-11-02,x,baker_jo,905,',
    jobId: 'j2',
  });
  const db = t.core.database.db;
  const posts = await db.selectFrom('posts').select('id').orderBy('seq').execute();
  await db
    .insertInto('ab_pairs')
    .values({
      post_a: posts[0]!.id,
      post_b: posts[3]!.id,
      platform: 'x',
      label: 'hook test',
      created_at: '2026-11-21T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('revenue_entries')
    .values({
      post_id: posts[1]!.id,
      campaign: 'flour brand',
      amount: 120.5,
      cost: 10,
      currency: 'EUR',
      source: 'affiliate',
      occurred_at: '2026-11-02T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('coach_goal')
    .values({
      id: 1,
      metric: 'followers',
      target: 5000,
      deadline: '2027-06-30',
      started_at: '2026-11-01T00:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('coach_milestones')
    .values({ fraction: 0.25, value: 2000, due_date: '2027-01-15', reached_at: null, celebrated_at: null })
    .execute();
  await db
    .insertInto('coach_sessions')
    .values({
      date: '2026-11-24',
      plan: JSON.stringify({ items: ['post a how-to'] }),
      created_at: '2026-11-24T06:00:00.000Z',
    })
    .execute();
  await db
    .insertInto('coach_interventions')
    .values({
      rule: 'missed-cadence',
      situation: 'missed-cadence:x',
      details: '{"days":4}',
      status: 'open',
      triggered_at: '2026-11-23T08:00:00.000Z',
      snoozed_until: null,
      closed_at: null,
      action: null,
    })
    .execute();
  await db
    .insertInto('reports')
    .values({
      id: 'r-1',
      kind: 'weekly',
      title: 'Week 47',
      params: '{}',
      range_from: '2026-11-16',
      range_to: '2026-11-22',
      pdf_file: 'reports/r-1.pdf',
      csv_file: 'reports/r-1.csv',
      created_at: '2026-11-23T07:00:00.000Z',
    })
    .execute();
}

function viaJson(document: ExportDocument): ExportDocument {
  return exportDocumentSchema.parse(JSON.parse(JSON.stringify(document)));
}

describe('export and import of analytics, coach and report tables (version 2)', () => {
  it('round-trips every section into an empty library with ids kept', async () => {
    const source = await newCore();
    await fillCreatorTables(source);
    await source.core.ports.secrets.set('x.token', 'very-secret-token');
    const exported = await source.core.services.data.exportAll();
    expect(exported.version).toBe(2);
    for (const section of [
      'accounts',
      'accountMetrics',
      'publications',
      'postMetrics',
      'abPairs',
      'revenueEntries',
      'coachGoal',
      'coachMilestones',
      'coachSessions',
      'coachInterventions',
      'reports',
    ] as const) {
      expect(exported[section].length, section).toBeGreaterThan(0);
    }
    expect(JSON.stringify(exported)).not.toContain('very-secret-token');
    expect(viaJson(exported)).toEqual(exported);

    const target = await newCore();
    const result = await target.core.services.data.importAll(viaJson(exported), 'merge');
    expect(result.rowsAdded).toMatchObject({
      accounts: 3,
      publications: 12,
      postMetrics: 12,
      abPairs: 1,
      reports: 1,
      coachGoal: 1,
    });
    const reexported = await target.core.services.data.exportAll();
    expect({ ...reexported, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
  });

  it('imports a version-1 file, treating the new sections as empty', async () => {
    const source = await newCore();
    await source.core.services.posts.create({ body: 'from an older Cadence' });
    const {
      accounts,
      accountMetrics,
      publications,
      postMetrics,
      abPairs,
      revenueEntries,
      coachGoal,
      coachMilestones,
      coachSessions,
      coachInterventions,
      reports,
      ...v1
    } = await source.core.services.data.exportAll();
    void [
      accounts,
      accountMetrics,
      publications,
      postMetrics,
      abPairs,
      revenueEntries,
      coachGoal,
      coachMilestones,
      coachSessions,
      coachInterventions,
      reports,
    ];

    const target = await newCore();
    const result = await target.core.dispatcher.invoke('data:import-all', {
      document: { ...v1, version: 1 },
      mode: 'merge',
    });
    expect(result).toMatchObject({ ok: true, value: { postsAdded: 1 } });
    const after = await target.core.services.data.exportAll();
    expect(after.posts.map((p) => p.body)).toEqual(['from an older Cadence']);
    expect(after.accounts).toEqual([]);
  });

  it('replace wipes the creator tables and makes them exactly the document', async () => {
    const source = await newCore();
    await fillCreatorTables(source, 5);
    const exported = await source.core.services.data.exportAll();
    const target = await newCore();
    await fillCreatorTables(target, 9);

    await target.core.services.data.importAll(viaJson(exported), 'replace');
    const after = await target.core.services.data.exportAll();
    expect({ ...after, exportedAt: '', profile: null }).toEqual({ ...exported, exportedAt: '', profile: null });
    expect(await target.core.database.db.selectFrom('analytics_anomalies').selectAll().execute()).toEqual([]);
  });

  it('merge adds only what is missing: twice is the same as once, local accounts are reused', async () => {
    const source = await newCore();
    await fillCreatorTables(source);
    const exported = viaJson(await source.core.services.data.exportAll());

    const target = await newCore();
    // The same account already exists here under another id: the file's days attach to it.
    await target.core.dispatcher.invoke('imports:import-file', {
      fileName: 'f.csv',
      content: 'date,platform,account,followers\n2026-10-01,x,baker_jo,800',
      jobId: 'j',
    });
    const localX = await target.core.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    const first = await target.core.services.data.importAll(exported, 'merge');
    expect(first.rowsAdded.accounts).toBe(2);
    const second = await target.core.services.data.importAll(exported, 'merge');
    expect(Object.values(second.rowsAdded).every((n) => n === 0)).toBe(true);

    const xDays = await target.core.database.db
      .selectFrom('account_metrics')
      .select('date')
      .where('account_id', '=', localX.id)
      .execute();
    expect(xDays.length).toBe(
      exported.accountMetrics.filter((d) => d.account_id === exported.accounts.find((a) => a.platform === 'x')?.id)
        .length + 1,
    );
    const counts = await target.core.database.db
      .selectFrom('post_publications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(12);
  });

  it('refuses a damaged file whose publications point to posts it does not contain', async () => {
    const source = await newCore();
    await fillCreatorTables(source);
    const exported = await source.core.services.data.exportAll();
    const damaged = {
      ...exported,
      posts: exported.posts.slice(1),
      revisions: exported.revisions.filter((r) => r.postId !== exported.posts[0]!.id),
    };
    const target = await newCore();
    const result = await target.core.dispatcher.invoke('data:import-all', { document: damaged });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('damaged') },
    });
    expect((await target.core.services.data.exportAll()).posts).toEqual([]);
  });
});
