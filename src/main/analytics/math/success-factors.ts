import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { featureLabel } from './post-features';

export { featureLabel, hookType, postFeatures, type HookType, type PostForFeatures } from './post-features';

export interface SuccessPost {
  /** Engagement rate as a fraction (see engagement.ts). */
  engagementRate: number;
  /** 0/1 indicators or numbers; a key missing from a post counts as 0. */
  features: Record<string, number>;
}

export interface SuccessFactor {
  feature: string;
  label: string;
  /** Relative change in engagement rate with the feature (per unit for numeric features), in percent. */
  effectPercent: number;
  /** 90 % bootstrap interval of effectPercent. */
  low: number;
  high: number;
  /** Posts where the feature is non-zero. */
  support: number;
  meanWith: number | null;
  meanWithout: number | null;
  /** The interval excludes 0: the direction of the effect is reasonably sure. */
  confident: boolean;
}

export interface SuccessModel {
  insufficient: false;
  n: number;
  /** In-sample R² on log engagement rate. */
  r2: number;
  /** Leave-one-out R²: how much the model explains of posts it did not see (can be negative). */
  looR2: number;
  lambda: number;
  factors: SuccessFactor[];
  /** Features with the same value on every post: nothing to compare them against. */
  skipped: string[];
}

export interface SuccessOptions {
  lambdas?: number[];
  resamples?: number;
  seed?: number;
  /** Added before the log so a 0 % post does not become −∞ (default 0.001 = 0.1 percentage point). */
  epsilon?: number;
}

export const MIN_POSTS_FOR_FACTORS = 20;
const DEFAULT_LAMBDAS = [0.1, 0.3, 1, 3, 10, 30, 100];

/** A seeded uniform source (pure-rand's Mersenne Twister): the bootstrap must give the same interval every time it is shown. */
function seededUniform(seed: number): () => number {
  const rng = mersenne(seed);
  return () => uniformFloat64(rng);
}

interface Fit {
  /** Coefficients on the original feature scale (0 for columns that were constant). */
  coef: number[];
  r2: number;
  looR2: number;
}

/**
 * Ridge on standardized columns with an unpenalized intercept. With `loo`, also the exact
 * leave-one-out R² from the hat-matrix diagonal (for a fixed standardization), without n refits.
 */
function ridge(rows: readonly number[][], y: readonly number[], lambda: number, loo: boolean): Fit {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const col = (j: number) => rows.map((r) => r[j] as number);
  const means = Array.from({ length: p }, (_, j) => col(j).reduce((s, x) => s + x, 0) / n);
  const sds = Array.from({ length: p }, (_, j) =>
    Math.sqrt(col(j).reduce((s, x) => s + (x - (means[j] as number)) ** 2, 0) / n),
  );
  const live = sds.map((sd, j) => (sd > 0 ? j : -1)).filter((j) => j >= 0);
  const yBar = y.reduce((s, v) => s + v, 0) / n;
  const yc = y.map((v) => v - yBar);
  const sst = yc.reduce((s, v) => s + v ** 2, 0);
  const coef = new Array<number>(p).fill(0);
  if (live.length === 0) return { coef, r2: 0, looR2: 0 };

  const z = new Matrix(
    rows.map((r) => live.map((j) => ((r[j] as number) - (means[j] as number)) / (sds[j] as number))),
  );
  const zt = z.transpose();
  const chol = new CholeskyDecomposition(zt.mmul(z).add(Matrix.eye(live.length).mul(lambda)));
  const beta = chol.solve(zt.mmul(Matrix.columnVector(yc)));
  const fitted = z.mmul(beta);
  const aInvZt = loo ? chol.solve(zt) : null; // (zᵀz + λI)⁻¹ zᵀ, p × n
  let sse = 0;
  let press = 0;
  for (let i = 0; i < n; i++) {
    const e = (yc[i] as number) - fitted.get(i, 0);
    sse += e ** 2;
    if (aInvZt) {
      let h = 1 / n; // the intercept's share of the leverage
      for (let k = 0; k < live.length; k++) h += z.get(i, k) * aInvZt.get(k, i);
      press += (e / (1 - h)) ** 2;
    }
  }
  live.forEach((j, k) => (coef[j] = beta.get(k, 0) / (sds[j] as number)));
  return { coef, r2: sst > 0 ? 1 - sse / sst : 0, looR2: sst > 0 && loo ? 1 - press / sst : 0 };
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - a) * (pos - lo);
}

const meanOf = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const toPercent = (b: number): number => (Math.exp(b) - 1) * 100;

/**
 * Which post features go with better engagement for this creator. Ridge regression on
 * log(rate + ε), so each coefficient reads as a relative effect ("+30 %") and a handful of posts
 * cannot blow a coefficient up; λ is picked by exact leave-one-out error over a small grid; a seeded
 * bootstrap (same λ) gives 90 % intervals, and only effects whose interval excludes 0 are "confident".
 * Associations, not causes: the UI should say "goes with", never "causes".
 */
export function successFactors(
  posts: readonly SuccessPost[],
  options: SuccessOptions = {},
): SuccessModel | { insufficient: true; reason: string } {
  const { lambdas = DEFAULT_LAMBDAS, resamples = 200, seed = 1, epsilon = 0.001 } = options;
  const n = posts.length;
  if (n < MIN_POSTS_FOR_FACTORS) {
    return {
      insufficient: true,
      reason: `Need at least ${MIN_POSTS_FOR_FACTORS} posts with engagement data to compare features; have ${n}.`,
    };
  }
  const keys = [...new Set(posts.flatMap((p) => Object.keys(p.features)))].sort();
  const all = posts.map((p) => keys.map((k) => p.features[k] ?? 0));
  const varying = keys.filter((_, j) => all.some((r) => r[j] !== all[0]?.[j]));
  const skipped = keys.filter((k) => !varying.includes(k));
  const rows = posts.map((p) => varying.map((k) => p.features[k] ?? 0));
  const y = posts.map((p) => Math.log(Math.max(0, p.engagementRate) + epsilon));

  const fits = lambdas.map((lambda) => ({ lambda, fit: ridge(rows, y, lambda, true) }));
  // Ties go to the larger λ: with equal evidence, prefer the more cautious model.
  const best = fits.reduce((a, b) => (b.fit.looR2 >= a.fit.looR2 ? b : a));

  const random = seededUniform(seed);
  const draws: number[][] = varying.map(() => []);
  for (let r = 0; r < resamples; r++) {
    const idx = Array.from({ length: n }, () => Math.floor(random() * n));
    const fit = ridge(
      idx.map((i) => rows[i] as number[]),
      idx.map((i) => y[i] as number),
      best.lambda,
      false,
    );
    fit.coef.forEach((b, j) => draws[j]?.push(toPercent(b)));
  }

  const factors = varying.map((feature, j): SuccessFactor => {
    const sorted = (draws[j] as number[]).sort((a, b) => a - b);
    const low = quantile(sorted, 0.05);
    const high = quantile(sorted, 0.95);
    const has = posts.filter((p) => (p.features[feature] ?? 0) !== 0).map((p) => p.engagementRate);
    const lacks = posts.filter((p) => (p.features[feature] ?? 0) === 0).map((p) => p.engagementRate);
    return {
      feature,
      label: featureLabel(feature),
      effectPercent: toPercent(best.fit.coef[j] as number),
      low,
      high,
      support: has.length,
      meanWith: meanOf(has),
      meanWithout: meanOf(lacks),
      confident: low > 0 || high < 0,
    };
  });
  factors.sort((a, b) => Math.abs(b.effectPercent) - Math.abs(a.effectPercent));
  return { insufficient: false, n, r2: best.fit.r2, looR2: best.fit.looR2, lambda: best.lambda, factors, skipped };
}
