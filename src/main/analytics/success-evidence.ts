import type { SuccessFactorEvidence, SuccessFactorsResult } from '../../shared/domain/analytics';
import type { PublicationQueryRow } from './analytics.queries';
import {
  featureLabel,
  postFeatures,
  successFactors,
  type SuccessFactor,
  type SuccessPost,
} from './math/success-factors';
import { hashtagsOf, toPublishedPost } from './published-post';

/**
 * The model reads the most recent posts only: what worked in the last few hundred posts is what the
 * creator can act on, and the bootstrap (200 ridge refits) stays well under a second.
 */
export const MAX_POSTS_FOR_FACTORS = 500;

/** Features that only adjust for platform differences: rates are not comparable across platforms. */
const CONTROL_PREFIX = 'platform:';

const percent = (x: number): string => `${Math.round(Math.abs(x))} %`;
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.round(Math.abs(x))} %`;

/** "Opens with a question: goes with 35 % higher engagement (90 % interval +12 % to +60 %; 24 of your posts)." */
export function factorSentence(f: SuccessFactor): string {
  const way = f.effectPercent >= 0 ? 'higher' : 'lower';
  return (
    `${f.label}: goes with ${percent(f.effectPercent)} ${way} engagement ` +
    `(90 % interval ${signed(f.low)} to ${signed(f.high)}; ${f.support} of your posts).`
  );
}

/**
 * The success-factor model over the creator's published posts that have an engagement rate. When
 * posts span several platforms, a platform indicator is added as a control (so "posted on Bluesky",
 * whose rate divides by followers, is not mistaken for "short posts") and is left out of the answer.
 */
export function successEvidence(rows: readonly PublicationQueryRow[], timezone: string): SuccessFactorsResult {
  const recent = rows
    .map((row) => ({ row, published: toPublishedPost(row) }))
    .filter((r) => r.published.engagementRate !== null)
    .slice(-MAX_POSTS_FOR_FACTORS);
  const platforms = new Set(recent.map((r) => r.row.platform));
  const posts: SuccessPost[] = [];
  for (const { row, published } of recent) {
    const features = postFeatures({
      text: row.body,
      publishedAt: row.published_at,
      timezone,
      format: row.format,
      mediaCount: row.media_count,
      hashtags: hashtagsOf(row.body),
    });
    if (platforms.size > 1) features[`${CONTROL_PREFIX}${row.platform}`] = 1;
    posts.push({ engagementRate: published.engagementRate as number, features });
  }
  const model = successFactors(posts);
  if (model.insufficient) return { kind: 'insufficient', insufficient: model.reason, postsUsed: posts.length };
  const factors: SuccessFactorEvidence[] = model.factors
    .filter((f) => !f.feature.startsWith(CONTROL_PREFIX))
    .map((f) => ({ ...f, sentence: f.confident ? factorSentence(f) : null }));
  return {
    kind: 'model',
    postsUsed: model.n,
    r2: model.r2,
    looR2: model.looR2,
    factors,
    skipped: model.skipped.filter((k) => !k.startsWith(CONTROL_PREFIX)).map(featureLabel),
    sentences: factors.flatMap((f) => (f.sentence === null ? [] : [f.sentence])),
  };
}
