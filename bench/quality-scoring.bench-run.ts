import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, it } from 'vitest';
import { record } from './bench-record';
import { createCore } from '../src/main/core';
import type { Platform } from '../src/shared/domain/platform';
import { scorePost } from '../src/shared/quality/score';
import { benchPorts } from './support/ports';
import { type FixtureRow, generatePosts, prng } from './support/posts-fixture';
import { percentile } from './support/stats';

/** Posts scored, and posts in the creator's library they are compared with. */
const POSTS = Number(process.env.BENCH_QUALITY_POSTS ?? 10_000);
const LIBRARY = Number(process.env.BENCH_QUALITY_LIBRARY ?? 10_000);

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Texts to score: fixture bodies with the things the checks look for mixed in, some near-copies. */
function textsToScore(library: FixtureRow[], rows: FixtureRow[]): { text: string; platform: Platform }[] {
  const random = prng(4_242);
  return rows.map((row, i) => {
    const platform = (JSON.parse(row.platforms) as Platform[])[0] ?? 'x';
    let text = row.body;
    const roll = random();
    if (roll < 0.02)
      text = `${library[i % library.length]!.body} Thoughts?`; // a near-duplicate
    else if (roll < 0.1) text = `In this post: https://example.com/${i} ${text}`;
    else if (roll < 0.15) text = `${text} CLICK HERE!!! 100% free`;
    else if (roll < 0.25) text = `${text}\n---\n${rows[(i + 1) % rows.length]!.body}`;
    return { text, platform };
  });
}

it('quality.score: per-post time over 10k posts, duplicate check against a 10k library', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cadence-bench-quality-'));
  folders.push(dataDir);
  const core = await createCore(benchPorts(dataDir));
  const all: FixtureRow[] = [];
  generatePosts(LIBRARY + POSTS, (row) => all.push(row));
  const library = all.slice(0, LIBRARY);
  const insert = core.database.raw.prepare(
    `insert into posts (id, title, body, status, tags, platforms, scheduled_at, created_at, updated_at, version, deleted_at)
     values (@id, @title, @body, @status, @tags, @platforms, @scheduled_at, @created_at, @updated_at, 1, null)`,
  );
  core.database.raw.transaction(() => {
    for (const row of library) insert.run({ ...row });
  })();
  const texts = textsToScore(library, all.slice(LIBRARY));
  const quality = core.domains.quality.service;

  // The first call loads the library into the duplicate index.
  const buildStarted = performance.now();
  await quality.score({ text: texts[0]!.text, platform: texts[0]!.platform });
  const buildMs = performance.now() - buildStarted;

  const serviceMs: number[] = [];
  const pureMs: number[] = [];
  let duplicates = 0;
  for (const { text, platform } of texts) {
    let started = performance.now();
    const report = await quality.score({ text, platform });
    serviceMs.push(performance.now() - started);
    if (report.findings.some((f) => f.id === 'duplicate')) duplicates += 1;
    started = performance.now();
    scorePost({ text, platform });
    pureMs.push(performance.now() - started);
  }
  await core.close();

  const n = serviceMs.length;
  const note = `${n} generated posts (100–600 chars, 9 platforms, 25 % threads, some links/spam/near-copies; ${duplicates} duplicates found) against a ${LIBRARY}-post library; QualityService.score, no AI`;
  record({ bench: 'quality.score.per_post_ms', value: percentile(serviceMs, 50), unit: 'ms', n, note: `p50; ${note}` });
  record({
    bench: 'quality.score.per_post_p95_ms',
    value: percentile(serviceMs, 95),
    unit: 'ms',
    n,
    note: `p95; ${note}`,
  });
  record({
    bench: 'quality.score.pure_p95_ms',
    value: percentile(pureMs, 95),
    unit: 'ms',
    n,
    note: 'scorePost alone (the renderer’s live check: no duplicate lookup, no database)',
  });
  record({
    bench: 'quality.score.index_build_ms',
    value: buildMs,
    unit: 'ms',
    n: 1,
    note: `first score: loads and shingles the ${LIBRARY}-post library (once per app run)`,
  });
});
