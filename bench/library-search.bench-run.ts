import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { afterAll, it } from 'vitest';
import { record } from './bench-record';
import { type Core, createCore } from '../src/main/core';
import { RANKED_MATCH_LIMIT, SEARCH_TOTAL_CAP } from '../src/main/posts/posts.search';
import { toFtsQuery } from '../src/main/posts/search-query';
import { type PostFilter, type PostList, SNIPPET_CLOSE, SNIPPET_OPEN } from '../src/shared/contract/posts';
import { benchPorts } from './support/ports';
import { copyFixtureInto, ensurePostsFixture, FIXTURE_POSTS, vocabulary } from './support/posts-fixture';
import { percentile } from './support/stats';

const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 1000);
/** Stop starting new rounds of the mix after this many seconds. */
const BUDGET_S = Number(process.env.BENCH_SEARCH_BUDGET_S ?? 60);
/** Rounds of the mix in which the count(*) behind `total` is also timed on its own. */
const COUNT_ROUNDS = 3;
const LIMIT = 50;

type Kind = 'common' | 'rare' | 'two_word' | 'prefix' | 'filtered';
interface Search {
  kind: Kind;
  filter: PostFilter & { query: string };
}

/** The query mix, cycled until SEARCHES have run (fixed, so runs compare). */
function searchMix(): Search[] {
  const words = vocabulary();
  const q = (kind: Kind, query: string, extra: Omit<PostFilter, 'query'> = {}): Search => ({
    kind,
    filter: { query, limit: LIMIT, ...extra },
  });
  return [
    // Common words (in ~8–15% of posts; "the" is in nearly all).
    ...['content', 'growth', 'video', 'tips', 'audience', 'people', 'the'].map((w) => q('common', w)),
    // Rare words from the tail of the vocabulary (hundreds down to ~10 posts), and one with no match.
    ...[words[3_000]!, words[10_000]!, words[20_000]!, words[29_000]!, 'qwxyzzy'].map((w) => q('rare', w)),
    // Two words (the last as a prefix, as typed).
    ...['content strategy', 'morning routine', 'video tips', 'the best', 'launch week'].map((w) => q('two_word', w)),
    // Search-as-you-type from the third letter.
    ...['gro', 'grow', 'growt', 'growth', 'con', 'cont', 'conte', 'content', 'str', 'stra', 'strat', 'strategy'].map(
      (w) => q('prefix', w),
    ),
    // With the Library's filters.
    q('filtered', 'growth', { statuses: ['draft'] }),
    q('filtered', 'video', { platforms: ['linkedin'] }),
    q('filtered', 'tips', { statuses: ['scheduled', 'published'], platforms: ['x', 'threads'] }),
    q('filtered', 'gro', { statuses: ['idea'] }),
    q('filtered', 'content', { tag: 'growth' }),
  ];
}

const JOINED = 'posts_fts cross join posts on posts.seq = posts_fts.rowid';

const COLUMNS = `posts.id, posts.title, posts.body, posts.status, posts.tags, posts.platforms, posts.scheduled_at,
  posts.created_at, posts.updated_at, posts.version, posts.deleted_at`;

/**
 * The same search straight on better-sqlite3: the statements the repository runs (match count
 * up to the ranking limit, the page ordered by bm25 or newest first, the capped total), each a
 * cached prepared statement, with no validation, no Kysely, no mapping and no logging.
 */
class RawSearch {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly core: Core) {}

  page(filter: Search['filter']): { id: string }[] {
    const { where, params } = this.where(filter);
    const relevance = this.rankingCost(String(params[0])) <= RANKED_MATCH_LIMIT;
    const order = relevance ? 'bm25(posts_fts, 5.0, 1.0, 2.0), posts_fts.rowid desc' : 'posts_fts.rowid desc';
    const sql = `select ${COLUMNS}, snippet(posts_fts, 1, ?, ?, '…', 16) as snippet
      from posts_fts cross join posts on posts.seq = posts_fts.rowid
      where ${where}
      order by ${order}
      limit ?`;
    const rows = this.statement(sql).all(SNIPPET_OPEN, SNIPPET_CLOSE, ...params, filter.limit ?? LIMIT) as {
      id: string;
    }[];
    this.countUpTo(JOINED, where, params, (relevance ? RANKED_MATCH_LIMIT : SEARCH_TOTAL_CAP) + 1);
    return rows;
  }

  /** What the repository's `total` costs on its own (capped, as the repository counts). */
  count(filter: Search['filter']): number {
    const { where, params } = this.where(filter);
    return this.countUpTo(JOINED, where, params, SEARCH_TOTAL_CAP + 1);
  }

  /** The repository's cost prediction, from the fts5vocab table (see src/main/posts/search-cost.ts). */
  private rankingCost(fts: string): number {
    let total = 0;
    for (const [, word, star] of fts.matchAll(/"([^"]+)"(\*?)/gu)) {
      const term = word!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      const row = star
        ? this.statement('select sum(doc) as n from posts_fts_terms where term >= ? and term < ?').get(
            term,
            `${term}\u{10FFFF}`,
          )
        : this.statement('select sum(doc) as n from posts_fts_terms where term = ?').get(term);
      total += Number((row as { n: number | null }).n ?? 0);
    }
    return total;
  }

  private countUpTo(from: string, where: string, params: unknown[], limit: number): number {
    const sql = `select count(*) as n from (select 1 from ${from} where ${where} limit ?)`;
    return (this.statement(sql).get(...params, limit) as { n: number }).n;
  }

  explain(filter: Search['filter'], countOnly: boolean): string[] {
    const { where, params } = this.where(filter);
    const select = countOnly ? 'count(*)' : `${COLUMNS}`;
    const order = countOnly ? '' : 'order by bm25(posts_fts, 5.0, 1.0, 2.0), posts.seq desc limit 50';
    const sql = `explain query plan select ${select} from posts_fts join posts on posts.seq = posts_fts.rowid where ${where} ${order}`;
    return (this.core.database.raw.prepare(sql).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  private where(filter: Search['filter']): { where: string; params: unknown[] } {
    const conditions = ['posts_fts match ?', 'posts.deleted_at is null'];
    const params: unknown[] = [toFtsQuery(filter.query)];
    if (filter.statuses?.length) {
      conditions.push(`posts.status in (${filter.statuses.map(() => '?').join(', ')})`);
      params.push(...filter.statuses);
    }
    if (filter.platforms?.length) {
      conditions.push(
        `exists (select 1 from json_each(posts.platforms) where value in (${filter.platforms.map(() => '?').join(', ')}))`,
      );
      params.push(...filter.platforms);
    }
    if (filter.tag) {
      conditions.push('exists (select 1 from json_each(posts.tags) where value = ?)');
      params.push(filter.tag);
    }
    return { where: conditions.join(' and '), params };
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.core.database.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

it('library.search: posts:list-posts with a query over 100k posts, and the raw FTS5 query', async () => {
  const fixture = await ensurePostsFixture();
  const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
  folders.push(dataDir);
  copyFixtureInto(fixture.path, dataDir);
  const core = await createCore(benchPorts(dataDir));
  const raw = new RawSearch(core);
  const mix = searchMix();

  const invoke = async (filter: Search['filter']): Promise<PostList> => {
    const envelope = await core.dispatcher.invoke('posts:list-posts', filter);
    if (!envelope.ok) throw new Error(`posts:list-posts failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as PostList;
  };

  // Warm-up pass, which also checks both paths return the same page.
  const totals = new Map<string, number>();
  for (const search of mix) {
    const list = await invoke(search.filter);
    const rawIds = raw.page(search.filter).map((r) => r.id);
    if (JSON.stringify(list.items.map((p) => p.id)) !== JSON.stringify(rawIds)) {
      throw new Error(`Cadence and the raw query disagree for ${JSON.stringify(search.filter)}`);
    }
    totals.set(JSON.stringify(search.filter), list.total);
  }

  const cadenceMs: number[] = [];
  const rawMs: number[] = [];
  const countMs: number[] = [];
  const byKind = new Map<Kind, number[]>();
  const slowest: { ms: number; search: Search }[] = [];
  // Whole rounds of the mix until SEARCHES have run, or the time budget is spent (so a slow
  // build cannot stretch the run; n then says how many ran).
  const deadline = performance.now() + BUDGET_S * 1000;
  const rounds = Math.ceil(SEARCHES / mix.length);
  let stoppedEarly = false;
  for (let i = 0; i < rounds * mix.length && cadenceMs.length < SEARCHES; i += 1) {
    if (i % mix.length === 0 && i > 0 && performance.now() > deadline) {
      stoppedEarly = true;
      break;
    }
    const search = mix[i % mix.length]!;
    // Alternate which side goes first so neither always gets the warmer cache.
    const measureCadence = async () => {
      const started = performance.now();
      await invoke(search.filter);
      const ms = performance.now() - started;
      cadenceMs.push(ms);
      (byKind.get(search.kind) ?? byKind.set(search.kind, []).get(search.kind)!).push(ms);
      slowest.push({ ms, search });
    };
    const measureRaw = () => {
      const started = performance.now();
      raw.page(search.filter);
      rawMs.push(performance.now() - started);
    };
    if (i % 2 === 0) {
      await measureCadence();
      measureRaw();
    } else {
      measureRaw();
      await measureCadence();
    }
    if (i < COUNT_ROUNDS * mix.length) {
      const started = performance.now();
      raw.count(search.filter);
      countMs.push(performance.now() - started);
    }
  }
  const planPage = raw.explain(mix[0]!.filter, false).join(' | ');
  const planCount = raw.explain(mix[0]!.filter, true).join(' | ');
  await core.close();

  const n = cadenceMs.length;
  const note =
    `${FIXTURE_POSTS} posts; limit ${LIMIT}; ${mix.length}-query mix (common, rare, two-word, prefix typing, filtered)` +
    (stoppedEarly ? `; stopped at the ${BUDGET_S}s budget` : '');
  const cadenceP95 = percentile(cadenceMs, 95);
  const rawP95 = percentile(rawMs, 95);
  record({ bench: 'library.search.p50_ms', value: percentile(cadenceMs, 50), unit: 'ms', n, note });
  record({ bench: 'library.search.p95_ms', value: cadenceP95, unit: 'ms', target: '<=5', n, note });
  record({
    bench: 'library.search.raw_p50_ms',
    value: percentile(rawMs, 50),
    unit: 'ms',
    n,
    note: 'same page query on raw better-sqlite3 (no validation, Kysely, mapping, log or count)',
  });
  record({ bench: 'library.search.raw_p95_ms', value: rawP95, unit: 'ms', n, note: 'raw better-sqlite3, as above' });
  record({
    bench: 'library.search.ratio_vs_raw',
    value: cadenceP95 / rawP95,
    unit: 'x',
    n,
    note: 'Cadence p95 / raw p95, same run',
  });
  record({
    bench: 'library.search.count_p95_ms',
    value: percentile(countMs, 95),
    unit: 'ms',
    n: countMs.length,
    note: 'the count(*) for total alone, raw (info)',
  });
  for (const [kind, samples] of byKind) {
    record({ bench: `library.search.${kind}.p95_ms`, value: percentile(samples, 95), unit: 'ms', n: samples.length });
  }

  // Diagnosis for the console (shown with --silent=false): the slowest searches by median, and plans.
  const byFilter = new Map<string, number[]>();
  for (const { ms, search } of slowest) {
    const key = JSON.stringify(search.filter);
    byFilter.set(key, [...(byFilter.get(key) ?? []), ms]);
  }
  const medians = [...byFilter].map(([key, samples]) => [key, percentile(samples, 50)] as const);
  for (const [key, ms] of medians.sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    console.log(`slowest: median ${ms.toFixed(1)} ms, total=${totals.get(key)}, ${key}`);
  }
  console.log(`plan page: ${planPage}`);
  console.log(`plan count: ${planCount}`);
});
