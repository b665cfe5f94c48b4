import { stringify } from 'csv-stringify/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventName } from '../../shared/contract';
import type { ImportReport } from '../../shared/domain/imports';
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

function recordEvents(t: TestCore): { name: EventName; payload: EventMap[EventName] }[] {
  const seen: { name: EventName; payload: EventMap[EventName] }[] = [];
  t.core.events.onAny((name, payload) => seen.push({ name, payload }));
  return seen;
}

async function importFile(t: TestCore, fileName: string, content: string): Promise<ImportReport> {
  const result = await t.core.dispatcher.invoke('imports:import-file', { fileName, content, jobId: 'job-1' });
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  return result.value as ImportReport;
}

async function totals(t: TestCore) {
  const db = t.core.database.db;
  const row = await db
    .selectFrom('post_publications')
    .select((eb) => [
      eb.fn.countAll<number>().as('posts'),
      eb.fn.sum<number>('impressions').as('impressions'),
      eb.fn.sum<number>('likes').as('likes'),
      eb.fn.sum<number>('comments').as('comments'),
      eb.fn.sum<number>('shares').as('shares'),
      eb.fn.sum<number>('saves').as('saves'),
      eb.fn.sum<number>('clicks').as('clicks'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v ?? 0)]));
}

async function tableCounts(t: TestCore) {
  const db = t.core.database.db;
  const count = async (
    table: 'posts' | 'post_publications' | 'post_metrics' | 'accounts' | 'account_metrics' | 'post_revisions',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    posts: await count('posts'),
    revisions: await count('post_revisions'),
    publications: await count('post_publications'),
    snapshots: await count('post_metrics'),
    accounts: await count('accounts'),
    accountDays: await count('account_metrics'),
  };
}

describe('importing a history CSV', () => {
  it('imports the generated 200 posts with exact totals, accounts, followers and events', async () => {
    const t = await newCore();
    const { csv, expected } = makeHistoryCsv({
      posts: 200,
      seed: 7,
      endDate: '2026-11-24T00:00:00.000Z',
      accountFollowersStart: 1200,
    });
    const events = recordEvents(t);

    const report = await importFile(t, 'history.csv', csv);
    expect(report).toEqual({
      kind: 'posts',
      rowsRead: 200,
      postsAdded: 200,
      publicationsAdded: 200,
      publicationsUpdated: 0,
      snapshotsAdded: 200,
      accountsAdded: 3,
      accountDaysAdded: expect.any(Number),
      skipped: [],
      duplicatesSkipped: 0,
    });
    const { perPlatform, lastFollowers, from, to, ...overall } = expected;
    void from;
    void to;
    expect(await totals(t)).toEqual(overall);
    expect(Object.keys(perPlatform).sort()).toEqual(['instagram', 'linkedin', 'x']);

    const latestFollowers = await t.core.database.db
      .selectFrom('account_metrics as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.platform', 'a.handle', 'm.followers', 'm.date'])
      .orderBy('m.date', 'desc')
      .execute();
    for (const platform of ['x', 'linkedin', 'instagram'] as const) {
      const last = latestFollowers.find((r) => r.platform === platform);
      expect(last).toMatchObject({ handle: 'baker_jo', followers: lastFollowers[platform] });
    }

    const post = (await t.core.services.posts.list({ limit: 1, offset: 0 })).items[0];
    expect(post).toMatchObject({ status: 'published', version: 1 });
    expect(post?.tags.length).toBeGreaterThan(0);
    expect(post?.title.length).toBeLessThanOrEqual(80);
    expect(post?.createdAt).toBe(post?.scheduledAt);
    expect((await tableCounts(t)).revisions).toBe(200);

    const names = events.map((e) => e.name);
    expect(names).toContain('posts:changed');
    expect(events.find((e) => e.name === 'analytics:changed')?.payload).toEqual({ reason: 'import' });
    const progress = events.filter((e) => e.name === 'job:progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ jobId: 'job-1', phase: 'done', done: 200, total: 200, cancellable: false });
  });

  it('re-importing the same file adds nothing; newer counts become a new snapshot', async () => {
    const t = await newCore();
    const { csv } = makeHistoryCsv({ posts: 30, seed: 3, endDate: '2026-11-24T00:00:00.000Z' });
    await importFile(t, 'history.csv', csv);
    const before = await tableCounts(t);

    t.clock.advance(3_600_000);
    const again = await importFile(t, 'history.csv', csv);
    expect(again).toMatchObject({
      postsAdded: 0,
      publicationsAdded: 0,
      snapshotsAdded: 0,
      accountsAdded: 0,
      duplicatesSkipped: 30,
    });
    expect(await tableCounts(t)).toEqual(before);

    // The same posts a day later with more likes on the first one, and without ids (matched by time + text).
    const newer = makeHistoryCsv({ posts: 30, seed: 3, endDate: '2026-11-24T00:00:00.000Z' });
    const first = newer.rows[0]!;
    const lines = newer.rows.map((r) => ({ ...r, likes: r === first ? r.likes + 50 : r.likes }));
    const csv2 = stringify([
      ['platform', 'published_at', 'text', 'likes', 'impressions'],
      ...lines.map((r) => [r.platform, r.published_at, r.text, r.likes, r.impressions]),
    ]);
    t.clock.advance(86_400_000);
    const update = await importFile(t, 'history-later.csv', csv2);
    expect(update).toMatchObject({ postsAdded: 0, publicationsUpdated: 1, snapshotsAdded: 1, duplicatesSkipped: 29 });
    const publication = await t.core.database.db
      .selectFrom('post_publications')
      .selectAll()
      .where('external_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(publication.likes).toBe(first.likes + 50);
    expect(publication.metrics_at).toBe(t.clock.now().toISOString());
    expect((await tableCounts(t)).snapshots).toBe(before.snapshots + 1);
  });

  it('skips bad rows with their row number and a plain reason, and imports the rest', async () => {
    const t = await newCore();
    const csv = [
      'text,platform,published_at,likes,impressions',
      'good one,x,2026-10-01T10:00:00Z,5,100',
      'bad date,x,yesterday,5,100',
      'negative,x,2026-10-02T10:00:00Z,-3,100',
      '"multi\nline, with comma",LinkedIn,2026-10-03 09:30,"1,234",2000',
      'nonsense count,x,2026-10-04T10:00:00Z,lots,100',
      'unknown network,myspace,2026-10-05T10:00:00Z,1,1',
      ',x,2026-10-06T10:00:00Z,1,1',
      'from the future,x,2027-01-01T10:00:00Z,1,1',
    ].join('\r\n');
    const report = await importFile(t, 'mixed.csv', csv);
    expect(report.postsAdded).toBe(2);
    expect(report.skipped).toEqual([
      { row: 3, reason: "published_at 'yesterday' is not a date (use YYYY-MM-DD HH:mm or ISO 8601)" },
      { row: 4, reason: "likes '-3' is negative" },
      // Row 5 spans two lines (a quoted newline) but is one spreadsheet row.
      { row: 6, reason: "likes 'lots' is not a number" },
      { row: 7, reason: "platform 'myspace' is not a platform Cadence knows" },
      { row: 8, reason: 'text is empty' },
      { row: 9, reason: "published_at '2027-01-01T10:00:00Z' is in the future" },
    ]);
    const linkedin = await t.core.database.db
      .selectFrom('post_publications')
      .select(['likes', 'impressions'])
      .where('platform', '=', 'linkedin')
      .executeTakeFirstOrThrow();
    expect(linkedin).toEqual({ likes: 1234, impressions: 2000 });
  });

  it.each([
    ['unparseable CSV', 'bad.csv', 'text,platform,published_at\n"unclosed,x,2026-10-01'],
    ['JSON of the wrong shape', 'bad.json', '{"items": [1, 2]}'],
    ['JSON array of non-objects', 'bad.json', '[1, 2, 3]'],
    ['invalid JSON', 'bad.json', '{"posts": ['],
    ['a header without a text column', 'notext.csv', 'platform,published_at,likes\nx,2026-10-01T10:00:00Z,3'],
    ['posts without a platform column', 'noplatform.csv', 'text,published_at\nhello,2026-10-01T10:00:00Z'],
  ])('refuses %s with VALIDATION_FAILED and changes nothing', async (_label, fileName, content) => {
    const t = await newCore();
    const before = await tableCounts(t);
    for (const channel of ['imports:preview-file', 'imports:import-file'] as const) {
      const input = channel === 'imports:import-file' ? { fileName, content, jobId: 'j' } : { fileName, content };
      const result = await t.core.dispatcher.invoke(channel, input as never);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('nothing was imported') },
      });
    }
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a failure while writing rolls the whole file back', async () => {
    const t = await newCore();
    const { csv } = makeHistoryCsv({ posts: 20, seed: 11, endDate: '2026-11-24T00:00:00.000Z' });
    // Make the 10th publication insert fail inside the transaction.
    t.core.database.raw.exec(`create trigger fail_tenth before insert on post_publications
      when (select count(*) from post_publications) >= 9 begin select raise(abort, 'disk trouble'); end`);
    const result = await t.core.dispatcher.invoke('imports:import-file', {
      fileName: 'h.csv',
      content: csv,
      jobId: 'j',
    });
    expect(result.ok).toBe(false);
    t.core.database.raw.exec('drop trigger fail_tenth');
    expect(await tableCounts(t)).toEqual({
      posts: 0,
      revisions: 0,
      publications: 0,
      snapshots: 0,
      accounts: 0,
      accountDays: 0,
    });
  });
});
