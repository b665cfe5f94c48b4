import { z } from 'zod';
import benchmarksJson from '../../../../resources/engagement-benchmarks.json';
import type { CohortPlatform } from '../../../shared/domain/coach';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { engagementsOf } from '../../analytics/math/engagement';
import type { CoachPublication } from '../coach-data.reader';

const BenchmarksFile = z.object({
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), year: z.number().int() })),
  benchmarks: z.array(
    z.object({
      platform: z.enum(PLATFORMS),
      band: z.string(),
      bandMin: z.number().nullable(),
      bandMax: z.number().nullable(),
      engagementRatePercent: z.number(),
      basis: z.enum(['followers', 'impressions']),
      sourceId: z.string(),
    }),
  ),
});
export type BenchmarkRow = z.infer<typeof BenchmarksFile>['benchmarks'][number];

/** Validated at load, so a broken benchmarks file fails at startup. */
export const BENCHMARKS = BenchmarksFile.parse(benchmarksJson);

/**
 * The benchmark rows to compare a platform against: per basis, the follower band holding the
 * creator's count where the platform has bands, else the whole-sample ("all") row.
 */
export function matchingBenchmarks(
  platform: Platform,
  followers: number | null,
  rows: readonly BenchmarkRow[] = BENCHMARKS.benchmarks,
): BenchmarkRow[] {
  const mine = rows.filter((r) => r.platform === platform);
  const out: BenchmarkRow[] = [];
  for (const basis of ['followers', 'impressions'] as const) {
    const candidates = mine.filter((r) => r.basis === basis);
    const banded =
      followers === null
        ? undefined
        : candidates.find(
            (r) =>
              r.band !== 'all' &&
              (r.bandMin === null || followers >= r.bandMin) &&
              (r.bandMax === null || followers < r.bandMax),
          );
    const chosen = banded ?? candidates.find((r) => r.band === 'all');
    if (chosen) out.push(chosen);
  }
  return out;
}

const pct = (x: number) => `${x.toFixed(2)} %`;

/**
 * The creator's rate on a benchmark's basis: follower-based = mean interactions per post ÷
 * followers; impression-based = Σ interactions ÷ Σ impressions (views where a platform counts views).
 */
export function creatorRatePercent(
  basis: 'followers' | 'impressions',
  posts: readonly CoachPublication[],
  followers: number | null,
): number | null {
  if (posts.length === 0) return null;
  const engagements = posts.map((p) => engagementsOf(p.platform, p));
  if (basis === 'followers') {
    if (!followers) return null;
    return (engagements.reduce((s, e) => s + e, 0) / posts.length / followers) * 100;
  }
  let num = 0;
  let den = 0;
  posts.forEach((p, i) => {
    const exposure = p.impressions ?? p.views;
    if (exposure && exposure > 0) {
      num += engagements[i] as number;
      den += exposure;
    }
  });
  return den > 0 ? (num / den) * 100 : null;
}

/** One platform's comparison, with a plain sentence per benchmark. */
export function cohortFor(
  platform: Platform,
  posts: readonly CoachPublication[],
  followers: number | null,
): CohortPlatform {
  const rows = matchingBenchmarks(platform, followers);
  if (rows.length === 0) {
    return {
      platform,
      followers,
      posts: posts.length,
      comparisons: [],
      note: `No published engagement-rate benchmark was found for ${platform}.`,
    };
  }
  const comparisons = rows.map((row) => {
    const source = BENCHMARKS.sources.find((s) => s.id === row.sourceId);
    const yours = creatorRatePercent(row.basis, posts, followers);
    const basisText = row.basis === 'followers' ? 'per post, of followers' : 'of impressions';
    const cohort =
      row.band === 'all' ? `${platform} accounts in the study` : `${platform} accounts with ${row.band} followers`;
    const verdict =
      yours === null
        ? `Your posts lack the ${row.basis === 'followers' ? 'follower count' : 'impressions or views'} needed to compare.`
        : `Yours is ${pct(yours)}: ${yours >= row.engagementRatePercent ? 'above' : 'below'} the benchmark.`;
    return {
      basis: row.basis,
      band: row.band,
      benchmarkPercent: row.engagementRatePercent,
      yourPercent: yours,
      source: { title: source?.title ?? row.sourceId, url: source?.url ?? '', year: source?.year ?? 0 },
      sentence: `Typical engagement for ${cohort} is ${pct(row.engagementRatePercent)} ${basisText} (${source?.title.split(' (')[0] ?? row.sourceId}, ${source?.year ?? '?'}). ${verdict}`,
    };
  });
  return {
    platform,
    followers,
    posts: posts.length,
    comparisons,
    note: posts.length === 0 ? 'No posts in the last 90 days to compare.' : null,
  };
}
