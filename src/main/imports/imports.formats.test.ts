import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportReport } from '../../shared/domain/imports';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { parseCount, parseInstant } from './cell-values';
import { mapColumns } from './column-mapping';
import { platformFromName } from './platform-names';

const cores: TestCore[] = [];
async function newCore(): Promise<TestCore> {
  const t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  cores.push(t);
  return t;
}
afterEach(async () => {
  for (const t of cores.splice(0)) await t.dispose();
});

async function invoke(t: TestCore, channel: 'imports:preview-file', input: object): Promise<ImportPreview>;
async function invoke(t: TestCore, channel: 'imports:import-file', input: object): Promise<ImportReport>;
async function invoke(t: TestCore, channel: string, input: object): Promise<unknown> {
  const result = await t.core.dispatcher.invoke(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('column aliases', () => {
  it.each([
    [
      ['Body', 'Network', 'Posted At', 'Username', 'Link', 'Post ID'],
      ['text', 'platform', 'published_at', 'account', 'url', 'external_id'],
    ],
    [
      ['caption', 'platform', 'time', 'handle', 'permalink', 'id'],
      ['text', 'platform', 'published_at', 'account', 'url', 'external_id'],
    ],
    [
      ['Content', 'platform', 'Date', 'Video Views', 'Favorites', 'Replies', 'Retweets', 'Bookmarks', 'Link Clicks'],
      ['text', 'platform', 'published_at', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'],
    ],
    [
      ['POST', 'platform', 'published_at', 'plays', 'reactions', 'reposts', 'boosts', 'template', 'media', 'hashtags'],
      ['text', 'platform', 'published_at', 'views', 'likes', 'shares', null, 'format', 'media_count', 'tags'],
    ],
    [
      [
        'text',
        'platform',
        'date',
        'type',
        'media_count',
        'tags',
        'title',
        'reach',
        'impressions',
        'saves',
        'clicks',
        'followers',
      ],
      [
        'text',
        'platform',
        'published_at',
        'format',
        'media_count',
        'tags',
        'title',
        'reach',
        'impressions',
        'saves',
        'clicks',
        'followers',
      ],
    ],
  ])('maps %j', (headers, fields) => {
    const columns = mapColumns(headers);
    expect(columns?.kind).toBe('posts');
    headers.forEach((header, i) => {
      const mapped = columns?.mapping.mapped.find((m) => m.column === header);
      expect(mapped?.field ?? null).toBe(fields[i]);
    });
  });

  it('reads a file without text but with followers as account metrics, its date as the day', () => {
    const columns = mapColumns(['Date', 'Platform', 'Handle', 'Followers', 'Impressions', 'Notes']);
    expect(columns).toMatchObject({ kind: 'account-metrics', columnOf: { date: 'Date', account: 'Handle' } });
    expect(columns?.mapping.unrecognised).toEqual(['Notes']);
  });
});

describe('platform names', () => {
  it.each([
    ['Twitter', 'x'],
    ['X', 'x'],
    ['x (twitter)', 'x'],
    ['LinkedIn', 'linkedin'],
    ['IG', 'instagram'],
    ['Instagram', 'instagram'],
    ['FB', 'facebook'],
    ['Facebook', 'facebook'],
    ['YouTube', 'youtube'],
    ['TikTok', 'tiktok'],
    ['Threads', 'threads'],
    ['Bluesky', 'bluesky'],
    ['bsky', 'bluesky'],
    ['Mastodon', 'mastodon'],
    ['MySpace', null],
    ['', null],
  ])('%s → %s', (name, platform) => {
    expect(platformFromName(name)).toBe(platform);
  });
});

describe('cell values', () => {
  it.each([
    ['1,234', 1234],
    ['1 234', 1234],
    ["12'345", 12345],
    ['0', 0],
    [' 42 ', 42],
    ['1.000', 1000],
    ['12.345.678', 12345678],
    ['5.0', 5],
    [7, 7],
    ['', null],
    [null, null],
  ])('count %j → %j', (value, expected) => {
    expect(parseCount(value, 'likes')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['-3', "likes '-3' is negative"],
    [-1, "likes '-1' is negative"],
    ['abc', "likes 'abc' is not a number"],
    ['1.5', "likes '1.5' is not a whole number"],
    ['12,34', "likes '12,34' is not a number"],
    ['1,234.5', "likes '1,234.5' is not a number"],
  ])('count %j is refused: %s', (value, message) => {
    expect(parseCount(value, 'likes')).toEqual({ ok: false, message });
  });

  it.each([
    ['2026-03-10 09:30', 'Europe/Berlin', '2026-03-10T08:30:00.000Z'],
    ['2026-07-10 09:30', 'Europe/Berlin', '2026-07-10T07:30:00.000Z'],
    ['2026-07-10 09:30', 'UTC', '2026-07-10T09:30:00.000Z'],
    ['2026-07-10T09:30', 'America/New_York', '2026-07-10T13:30:00.000Z'],
    ['2026-07-10', 'Asia/Tokyo', '2026-07-09T15:00:00.000Z'],
    ['2026-07-10T09:30:00+02:00', 'America/New_York', '2026-07-10T07:30:00.000Z'],
    ['2026-07-10T09:30:00Z', 'Asia/Tokyo', '2026-07-10T09:30:00.000Z'],
  ])('%s in %s is %s', (value, zone, iso) => {
    expect(parseInstant(value, 'published_at', zone)).toEqual({ ok: true, value: iso });
  });

  it.each(['yesterday', '2026-02-30 10:00', '2026-07-10 25:00', '10/07/2026', '2026-7-1'])(
    '%s is not a date',
    (value) => {
      expect(parseInstant(value, 'published_at', 'UTC')).toMatchObject({
        ok: false,
        message: expect.stringContaining('is not a date'),
      });
    },
  );
});

describe('importing through the channels', () => {
  it('reads YYYY-MM-DD HH:mm in the profile time zone (UTC without a profile), day by local date', async () => {
    const csv = 'text;platform;date;followers;likes\nhello;IG;2026-07-10 00:30;1.000;5\n';
    const noProfile = await newCore();
    await invoke(noProfile, 'imports:import-file', { fileName: 'a.csv', content: csv, jobId: 'j' });
    const utc = await noProfile.core.database.db
      .selectFrom('post_publications')
      .select('published_at')
      .executeTakeFirstOrThrow();
    expect(utc.published_at).toBe('2026-07-10T00:30:00.000Z');
    const utcDays = await noProfile.core.database.db
      .selectFrom('account_metrics')
      .select(['date', 'followers'])
      .execute();
    expect(utcDays).toEqual([{ date: '2026-07-10', followers: 1000 }]);

    const t = await newCore();
    await t.core.services.profile.save({
      name: 'Jo',
      niche: 'bread',
      platforms: ['instagram'],
      timezone: 'Europe/Berlin',
      goal: { metric: 'followers', target: 5000, deadline: '2027-06-30' },
      cadence: { postsPerWeek: 3, days: ['mon'] },
    });
    const csv2 = 'text;platform;date;followers;likes\nhello;IG;2026-07-10 00:30;"1,000";5\n';
    const report = await invoke(t, 'imports:import-file', { fileName: 'a.csv', content: csv2, jobId: 'j' });
    expect(report).toMatchObject({ postsAdded: 1, accountsAdded: 1, accountDaysAdded: 1, skipped: [] });
    const db = t.core.database.db;
    expect(
      (await db.selectFrom('post_publications').select('published_at').executeTakeFirstOrThrow()).published_at,
    ).toBe('2026-07-09T22:30:00.000Z');
    // Followers are for the creator's day, which is still the 10th in Berlin.
    expect(await db.selectFrom('account_metrics').select(['date', 'followers']).execute()).toEqual([
      { date: '2026-07-10', followers: 1000 },
    ]);
  });

  it('previews without writing: mapping, counts, first problems, date range and platforms', async () => {
    const t = await newCore();
    const csv =
      '\uFEFFCaption,Network,Posted_At,Likes,Mood\nA,Twitter,2026-09-01T10:00:00Z,3,happy\nB,bsky,2026-09-03T10:00:00Z,x,sad\nC,LinkedIn,2026-09-02T10:00:00Z,4,ok\n';
    const preview = await invoke(t, 'imports:preview-file', { fileName: 'export.txt', content: csv });
    expect(preview).toEqual({
      format: 'csv',
      kind: 'posts',
      columns: {
        mapped: [
          { column: 'Caption', field: 'text' },
          { column: 'Network', field: 'platform' },
          { column: 'Posted_At', field: 'published_at' },
          { column: 'Likes', field: 'likes' },
        ],
        unrecognised: ['Mood'],
      },
      rowCount: 3,
      validRows: 2,
      invalidRows: 1,
      problems: [{ row: 3, column: 'Likes', message: "Likes 'x' is not a number" }],
      dateRange: { from: '2026-09-01T10:00:00.000Z', to: '2026-09-02T10:00:00.000Z' },
      platforms: ['linkedin', 'x'],
    });
    expect((await t.core.services.posts.list({ limit: 5, offset: 0 })).total).toBe(0);
  });

  it('imports an account-metrics file: daily followers per account, newer values win on re-import', async () => {
    const t = await newCore();
    const csv = [
      'date,platform,handle,followers,impressions',
      '2026-11-01,x,@Jo,1200,500',
      '2026-11-02,x,@Jo,1210,',
      '2026-11-02,LinkedIn,jo,300,90',
      '2026-11-03,x,jo,-5,1',
    ].join('\n');
    const report = await invoke(t, 'imports:import-file', { fileName: 'followers.csv', content: csv, jobId: 'j' });
    expect(report).toEqual({
      kind: 'account-metrics',
      rowsRead: 4,
      postsAdded: 0,
      publicationsAdded: 0,
      publicationsUpdated: 0,
      snapshotsAdded: 0,
      accountsAdded: 2,
      accountDaysAdded: 3,
      skipped: [{ row: 5, reason: "followers '-5' is negative" }],
      duplicatesSkipped: 0,
    });
    t.clock.advance(60_000);
    const again = await invoke(t, 'imports:import-file', {
      fileName: 'followers.csv',
      content: 'date,platform,handle,followers\n2026-11-02,x,jo,1215',
      jobId: 'j2',
    });
    expect(again).toMatchObject({ accountsAdded: 0, accountDaysAdded: 0 });
    const days = await t.core.database.db
      .selectFrom('account_metrics as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.platform', 'a.handle', 'm.date', 'm.followers', 'm.impressions'])
      .orderBy('a.platform')
      .orderBy('m.date')
      .execute();
    expect(days).toEqual([
      { platform: 'linkedin', handle: 'jo', date: '2026-11-02', followers: 300, impressions: 90 },
      { platform: 'x', handle: 'jo', date: '2026-11-01', followers: 1200, impressions: 500 },
      { platform: 'x', handle: 'jo', date: '2026-11-02', followers: 1215, impressions: null },
    ]);
  });

  it('imports JSON { posts, accounts } with array tags, a captured_at column and title', async () => {
    const t = await newCore();
    const doc = {
      posts: [
        {
          content: 'Crumb shot #crumb',
          title: 'My crumb',
          network: 'Mastodon',
          posted_at: '2026-10-01T08:00:00Z',
          boosts: 4,
          tags: ['#bread', 'bad tag!', 'rye'],
          captured_at: '2026-10-02T08:00:00Z',
        },
        {
          content: 'Second\nwith #hashtag and #Hashtag',
          network: 'Threads',
          posted_at: '2026-10-01T09:00:00Z',
          likes: '2,000',
          media: 2,
        },
      ],
      accounts: [
        { date: '2026-10-01', platform: 'mastodon', account: 'jo', followers: 50 },
        { date: 'soon', platform: 'mastodon', followers: 1 },
      ],
    };
    const report = await invoke(t, 'imports:import-file', {
      fileName: 'history.json',
      content: JSON.stringify(doc),
      jobId: 'j',
    });
    expect(report).toMatchObject({ kind: 'posts', rowsRead: 4, postsAdded: 2, snapshotsAdded: 2 });
    expect(report.skipped).toEqual([
      { row: 2, reason: "in accounts: date 'soon' is not a date (use YYYY-MM-DD HH:mm or ISO 8601)" },
    ]);
    const posts = (await t.core.services.posts.list({ limit: 5, offset: 0 })).items.sort((a, b) =>
      a.body.localeCompare(b.body),
    );
    expect(posts.map((p) => ({ title: p.title, tags: p.tags, platforms: p.platforms }))).toEqual([
      { title: 'My crumb', tags: ['bread', 'rye'], platforms: ['mastodon'] },
      { title: 'Second', tags: ['hashtag'], platforms: ['threads'] },
    ]);
    const snapshot = await t.core.database.db
      .selectFrom('post_metrics')
      .selectAll()
      .where('shares', '=', 4)
      .executeTakeFirstOrThrow();
    expect(snapshot.captured_at).toBe('2026-10-02T08:00:00.000Z');
    // Same file again: the snapshot with its own captured_at is not doubled.
    t.clock.advance(60_000);
    const again = await invoke(t, 'imports:import-file', {
      fileName: 'history.json',
      content: JSON.stringify(doc),
      jobId: 'j2',
    });
    expect(again).toMatchObject({ postsAdded: 0, snapshotsAdded: 0, duplicatesSkipped: 2 });
  });
});
