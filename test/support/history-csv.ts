import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { stringify } from 'csv-stringify/sync';
import type { Platform } from '../../src/shared/domain/platform';

/** Totals a test (or the browser journey) can compare with what the dashboard shows. */
export interface HistoryTotals {
  posts: number;
  impressions: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  clicks: number;
}

export interface HistoryExpected extends HistoryTotals {
  perPlatform: Partial<Record<Platform, HistoryTotals>>;
  /** Followers on each platform's latest post (what the account shows at the end). */
  lastFollowers: Partial<Record<Platform, number>>;
  /** Earliest and latest published_at (ISO, UTC). */
  from: string;
  to: string;
}

export interface HistoryOptions {
  posts: number;
  seed: number;
  platforms?: Platform[];
  /** Every post is published before this instant (defaults to 2026-11-25T00:00:00Z). */
  endDate?: string | Date;
  /** Followers at the start, for every platform or per platform (default 1000). */
  accountFollowersStart?: number | Partial<Record<Platform, number>>;
  /** How far back the history reaches (default 182 days, about six months). */
  days?: number;
}

/** One past post as a row of the history CSV (the header names are the importer's). */
export interface HistoryRow {
  id: string;
  platform: string;
  account: string;
  published_at: string;
  text: string;
  format: string;
  media: number;
  impressions: number;
  likes: number;
  comments: number;
  shares: number;
  saves: number | null;
  clicks: number;
  followers: number;
  url: string;
}

const PLATFORM_LABEL: Record<Platform, string> = {
  x: 'Twitter',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};
/** Typical reach per platform for a small creator, and how strongly each format engages. */
const BASE_IMPRESSIONS: Record<Platform, number> = {
  x: 1800,
  linkedin: 2600,
  instagram: 3200,
  facebook: 1500,
  youtube: 4000,
  tiktok: 5000,
  threads: 1200,
  bluesky: 900,
  mastodon: 700,
};
const FORMATS = ['listicle', 'how-to', 'story', 'question'] as const;
const FORMAT_LIFT: Record<(typeof FORMATS)[number], number> = {
  listicle: 1.25,
  'how-to': 1.1,
  story: 0.95,
  question: 0.8,
};
const TOPICS = [
  'sourdough starters',
  'proofing dough',
  'scoring loaves',
  'oven spring',
  'rye bread',
  'baking schedules',
  'flour blends',
  'crumb shots',
];
const TAGS = ['baking', 'sourdough', 'bread', 'homebaking', 'breadmaking', 'realbread', 'slowfood'];

type Rng = ReturnType<typeof xoroshiro128plus>;

function hook(format: (typeof FORMATS)[number], topic: string, n: number): string {
  switch (format) {
    case 'listicle':
      return `${n} things I wish I knew about ${topic}`;
    case 'how-to':
      return `How to get better at ${topic} in ${n} steps`;
    case 'story':
      return `The week ${topic} almost made me quit baking`;
    case 'question':
      return `What is your biggest struggle with ${topic}?`;
  }
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)] as T;
}

function emptyTotals(): HistoryTotals {
  return { posts: 0, impressions: 0, likes: 0, comments: 0, shares: 0, saves: 0, clicks: 0 };
}

function add(totals: HistoryTotals, row: HistoryRow): void {
  totals.posts++;
  totals.impressions += row.impressions;
  totals.likes += row.likes;
  totals.comments += row.comments;
  totals.shares += row.shares;
  totals.saves += row.saves ?? 0;
  totals.clicks += row.clicks;
}

/**
 * Deterministic past posts with metrics (same seed, same rows), oldest first: varied formats,
 * hashtags, hours and media, and a followers count per platform that grows over time.
 */
export function makeHistoryRows(options: HistoryOptions): HistoryRow[] {
  const rng = xoroshiro128plus(options.seed);
  const platforms = options.platforms ?? ['x', 'linkedin', 'instagram'];
  const end = new Date(options.endDate ?? '2026-11-25T00:00:00.000Z').getTime();
  const spanMinutes = (options.days ?? 182) * 24 * 60;
  const start = options.accountFollowersStart ?? 1000;
  const followers = new Map(platforms.map((p) => [p, typeof start === 'number' ? start : (start[p] ?? 1000)]));

  // Distinct minutes (rounded to 5) so each post has its own time; sorted so followers grow in order.
  const times = new Set<number>();
  while (times.size < options.posts) {
    const day = uniformInt(rng, 1, Math.ceil(spanMinutes / 1440));
    const minuteOfDay = uniformInt(rng, 7 * 12, 21 * 12) * 5;
    const at = end - day * 86_400_000 + minuteOfDay * 60_000;
    if (at < end) times.add(at);
  }
  return [...times]
    .sort((a, b) => a - b)
    .map((at, index) => {
      const platform = platforms[index % platforms.length] as Platform;
      const format = pick(rng, FORMATS);
      const topic = pick(rng, TOPICS);
      const tags = [pick(rng, TAGS), pick(rng, TAGS)].filter((t, i, all) => all.indexOf(t) === i);
      const media = uniformFloat64(rng) < 0.4 ? uniformInt(rng, 1, 4) : 0;
      const lift = FORMAT_LIFT[format] * (media > 0 ? 1.2 : 1) * (0.5 + uniformFloat64(rng));
      const impressions = Math.round(BASE_IMPRESSIONS[platform] * lift);
      const rate = 0.02 + uniformFloat64(rng) * 0.04;
      const next = (followers.get(platform) ?? 0) + uniformInt(rng, 0, 25);
      followers.set(platform, next);
      const id = `${platform}-${options.seed}-${index + 1}`;
      return {
        id,
        platform: PLATFORM_LABEL[platform],
        account: '@baker_jo',
        published_at: new Date(at).toISOString(),
        text: `${hook(format, topic, uniformInt(rng, 3, 9))}\nPost ${index + 1} of my baking notes.\n${tags.map((t) => `#${t}`).join(' ')}`,
        format,
        media,
        impressions,
        likes: Math.round(impressions * rate),
        comments: Math.round(impressions * rate * 0.12),
        shares: Math.round(impressions * rate * 0.08),
        saves: platform === 'linkedin' ? null : Math.round(impressions * rate * 0.1),
        clicks: Math.round(impressions * 0.01 * uniformFloat64(rng)),
        followers: next,
        url: `https://example.com/${platform}/${id}`,
      };
    });
}

/** The exact totals of some rows. */
export function historyTotals(rows: HistoryRow[]): HistoryExpected {
  const expected: HistoryExpected = { ...emptyTotals(), perPlatform: {}, lastFollowers: {}, from: '', to: '' };
  for (const row of rows) {
    const platform = (Object.keys(PLATFORM_LABEL) as Platform[]).find(
      (p) => PLATFORM_LABEL[p] === row.platform,
    ) as Platform;
    add(expected, row);
    add((expected.perPlatform[platform] ??= emptyTotals()), row);
    expected.lastFollowers[platform] = row.followers;
  }
  expected.from = rows[0]?.published_at ?? '';
  expected.to = rows[rows.length - 1]?.published_at ?? '';
  return expected;
}

/**
 * A history CSV as a creator would export it (BOM-free, quoted multi-line text, "1,234" counts)
 * and the exact totals it holds.
 */
export function makeHistoryCsv(options: HistoryOptions): {
  csv: string;
  rows: HistoryRow[];
  expected: HistoryExpected;
} {
  const rows = makeHistoryRows(options);
  const header = [
    'id',
    'platform',
    'account',
    'published_at',
    'text',
    'format',
    'media',
    'impressions',
    'likes',
    'comments',
    'shares',
    'saves',
    'clicks',
    'followers',
    'url',
  ];
  const records = rows.map((row) => [
    row.id,
    row.platform,
    row.account,
    row.published_at,
    row.text,
    row.format,
    row.media,
    // Some spreadsheets write thousands separators; the importer must read them.
    row.impressions.toLocaleString('en-US'),
    row.likes,
    row.comments,
    row.shares,
    row.saves ?? '',
    row.clicks,
    row.followers,
    row.url,
  ]);
  return { csv: stringify([header, ...records]), rows, expected: historyTotals(rows) };
}

/** Daily followers for one account over `days` days ending the day before endDate (for benchmarks). */
export function makeAccountDays(options: {
  seed: number;
  platform: Platform;
  account: string;
  days: number;
  endDate?: string | Date;
  followersStart?: number;
}): { date: string; platform: string; account: string; followers: number; impressions: number }[] {
  const rng = xoroshiro128plus(options.seed);
  const end = new Date(options.endDate ?? '2026-11-25T00:00:00.000Z').getTime();
  let followers = options.followersStart ?? 1000;
  const days = [];
  for (let d = options.days; d >= 1; d--) {
    followers += uniformInt(rng, -3, 12);
    followers = Math.max(0, followers);
    const date = new Date(end - d * 86_400_000).toISOString().slice(0, 10);
    days.push({
      date,
      platform: PLATFORM_LABEL[options.platform],
      account: options.account,
      followers,
      impressions: uniformInt(rng, 200, 5000),
    });
  }
  return days;
}
