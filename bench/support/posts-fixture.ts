import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from '../bench-record';
import { AppDatabase } from '../../src/main/db/database';
import { migrateToLatest } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import type { PostStatus } from '../../src/shared/domain/post';
import { PLATFORMS } from '../../src/shared/domain/platform';
import { CONTENT_WORDS, FUNCTION_WORDS, TAGS } from './words';

/** Bump when the generated content changes, so cached fixtures are rebuilt. */
export const FIXTURE_VERSION = 1;
export const FIXTURE_POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
/** The clock the benches run at: fixture times spread over the year around it. */
export const FIXTURE_NOW = '2026-06-15T12:00:00.000Z';
const SEED = 20_260_615;
/** Total vocabulary size: real words first, then a tail of made-up words (rarest ~10 posts each). */
const VOCABULARY_SIZE = 30_000;
const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32) so every machine builds the same fixture. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = `ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo
mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo
bra cre dri flo gru kla pre stu tro vex zan mor lin tev qua sil dor`.split(/\s+/u);

/** Real words (deduplicated, in rank order) followed by made-up rare words up to the size. */
export function vocabulary(size = VOCABULARY_SIZE): string[] {
  const words = [...new Set([...FUNCTION_WORDS, ...CONTENT_WORDS])];
  const seen = new Set(words);
  const random = prng(SEED ^ 0x5eed);
  while (words.length < size) {
    const parts = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < parts; i += 1) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Samples word ranks with Zipf weights (s = 1). */
function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank += 1) {
    sum += 1 / (rank + 1);
    cumulative[rank] = sum;
  }
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A v4-shaped UUID from the PRNG (z.uuid() accepts it). */
function uuid(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i += 1) hex.push(Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const STATUS_WEIGHTS: [PostStatus, number][] = [
  ['idea', 0.15],
  ['draft', 0.3],
  ['ready', 0.1],
  ['scheduled', 0.15],
  ['published', 0.25],
  ['archived', 0.05],
];

export interface FixtureRow {
  id: string;
  title: string;
  body: string;
  status: PostStatus;
  tags: string;
  platforms: string;
  scheduled_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Generates `count` posts deterministically and hands each to `emit`. */
export function generatePosts(count: number, emit: (row: FixtureRow) => void): void {
  const random = prng(SEED);
  const words = vocabulary();
  const nextRank = zipfSampler(words.length, random);
  const contentStart = new Set(FUNCTION_WORDS).size;
  const now = Date.parse(FIXTURE_NOW);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

  for (let i = 0; i < count; i += 1) {
    const tags = [...new Set(Array.from({ length: Math.floor(random() * 5) }, () => pick(TAGS)))];
    const platforms = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PLATFORMS)))];

    const titleWords: string[] = [];
    const titleLength = 3 + Math.floor(random() * 6);
    while (titleWords.length < titleLength) {
      const rank = nextRank();
      if (rank >= contentStart || titleWords.length > 0) titleWords.push(words[rank]!);
    }
    const title = titleWords.join(' ').replace(/^./u, (c) => c.toUpperCase());

    const targetLength = 100 + Math.floor(random() * 501);
    let body = '';
    let sentence = 0;
    while (body.length < targetLength) {
      let word = words[nextRank()]!;
      if (random() < 0.02 && tags.length > 0) word = `#${pick(tags)}`;
      if (sentence === 0) word = word.replace(/^./u, (c) => c.toUpperCase());
      sentence += 1;
      const end = sentence > 6 && random() < 0.15;
      body += (body.length > 0 ? ' ' : '') + word + (end ? '.' : '');
      if (end) sentence = 0;
    }
    body = body.slice(0, 600).replace(/\s+\S*$/u, '') + '.';

    let roll = random();
    let status: PostStatus = 'draft';
    for (const [candidate, weight] of STATUS_WEIGHTS) {
      if (roll < weight) {
        status = candidate;
        break;
      }
      roll -= weight;
    }
    let scheduledAt: number | null = null;
    if (status === 'scheduled') scheduledAt = now + random() * 180 * DAY;
    else if (status === 'published' || status === 'archived') scheduledAt = now - random() * 180 * DAY;
    else if (random() < 0.1) scheduledAt = now + (random() - 0.5) * 360 * DAY;

    const created = now - random() * 365 * DAY;
    const updated = created + random() * (now - created);
    // ~1% in the trash, all within the 30-day retention, so startup's purge scans but keeps them.
    const deleted = random() < 0.01 ? now - (1 + random() * 20) * DAY : null;

    emit({
      id: uuid(random),
      title,
      body,
      status,
      tags: JSON.stringify(tags),
      platforms: JSON.stringify(platforms),
      scheduled_at: scheduledAt === null ? null : iso(scheduledAt),
      created_at: iso(created),
      updated_at: iso(updated),
      deleted_at: deleted === null ? null : iso(deleted),
    });
  }
}

/** Cache key: fixture version, size and the migrations it was built with. */
export function fixtureKey(count = FIXTURE_POSTS): string {
  const schema = createHash('sha256').update(Object.keys(migrations).join('\n')).digest('hex').slice(0, 10);
  return `posts-v${FIXTURE_VERSION}-${count}-${schema}`;
}

/**
 * The path of a closed, fully checkpointed SQLite file at the latest schema holding `count`
 * posts (each with one revision, FTS filled by the triggers); built once and cached.
 */
export async function ensurePostsFixture(count = FIXTURE_POSTS): Promise<{ path: string; built: boolean; ms: number }> {
  const started = performance.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `${fixtureKey(count)}.db`);
  if (existsSync(path)) return { path, built: false, ms: performance.now() - started };

  const building = `${path}.building-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const database = AppDatabase.open(building);
  await migrateToLatest(database);
  const raw = database.raw;
  // A scratch file until renamed: no journal, no fsync, a big page cache for the FTS merges.
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  const insertPost = raw.prepare(
    `insert into posts (id, title, body, status, tags, platforms, scheduled_at, created_at, updated_at, version, deleted_at)
     values (@id, @title, @body, @status, @tags, @platforms, @scheduled_at, @created_at, @updated_at, 1, @deleted_at)`,
  );
  const insertRevision = raw.prepare(
    `insert into post_revisions (post_id, version, title, body, status, tags, platforms, scheduled_at, created_at)
     values (@id, 1, @title, @body, @status, @tags, @platforms, @scheduled_at, @updated_at)`,
  );
  raw.transaction(() => {
    generatePosts(count, (row) => {
      insertPost.run(row);
      insertRevision.run(row);
    });
  })();
  // Back to WAL as the app leaves it. No ANALYZE: the app never runs it, so plans stay the ones
  // a real user's file gets.
  raw.pragma('journal_mode = WAL');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  renameSync(building, path);
  // Fixtures of the same size built for an older schema or generator are dead weight now.
  for (const file of readdirSync(CACHE_DIR)) {
    if (new RegExp(`^posts-v\\d+-${count}-[0-9a-f]+\\.db$`, 'u').test(file) && join(CACHE_DIR, file) !== path) {
      rmSync(join(CACHE_DIR, file), { force: true });
    }
  }
  return { path, built: true, ms: performance.now() - started };
}

/** Copies the cached fixture into a data folder as its cadence.db. */
export function copyFixtureInto(fixturePath: string, dataDir: string, fileName = 'cadence.db'): string {
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, fileName);
  copyFileSync(fixturePath, target);
  return target;
}
