import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** One arm of an A/B comparison: engagements out of an exposure (impressions, reach or views). */
export interface ABArm {
  engagements: number;
  exposure: number;
}

export type ABVerdict = 'significant' | 'not_significant' | 'not_enough_data';

export interface ABResult {
  /** Engagement rates as fractions (0.042 = 4.2 %). */
  rateA: number;
  rateB: number;
  /** Relative lift of B over A in percent ((rateB − rateA) / rateA · 100), null when A's rate is 0. */
  liftPercent: number | null;
  z: number | null;
  /** Two-sided p-value of "both posts have the same engagement rate". */
  pValue: number | null;
  /** 1 − p. A plain-language strength of evidence, not the probability that the winner is better. */
  confidence: number | null;
  winner: 'a' | 'b' | null;
  verdict: ABVerdict;
  message: string;
}

/** Significance level: a 5 % false-alarm rate is the convention creators meet in every A/B tool. */
export const AB_ALPHA = 0.05;

const pct = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

/** p below 0.1 gets three decimals so a value just under 0.05 is never printed as "0.05". */
function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

function checkArm(name: string, arm: ABArm): void {
  const ok = Number.isFinite(arm.engagements) && Number.isFinite(arm.exposure);
  if (!ok || arm.engagements < 0 || arm.exposure < 0) {
    throw new RangeError(`${name}: engagements and exposure must be finite and non-negative`);
  }
}

/**
 * Compares two posts' engagement rates with a two-proportion z-test (pooled standard error,
 * two-sided p from the normal CDF). Chosen because each exposure either engaged or not, counts are
 * in the hundreds or more, and the result is easy to explain; below `minExposure` per post the
 * normal approximation and the rates themselves are too shaky to show a verdict.
 */
export function compareAB(a: ABArm, b: ABArm, minExposure = 100, exposureLabel = 'impressions'): ABResult {
  checkArm('A', a);
  checkArm('B', b);
  const rateA = a.exposure > 0 ? a.engagements / a.exposure : 0;
  const rateB = b.exposure > 0 ? b.engagements / b.exposure : 0;
  const liftPercent = rateA > 0 ? ((rateB - rateA) / rateA) * 100 : null;
  const base = { rateA, rateB, liftPercent, z: null, pValue: null, confidence: null, winner: null };

  const short = [
    a.exposure < minExposure ? `A has ${a.exposure}` : null,
    b.exposure < minExposure ? `B has ${b.exposure}` : null,
  ];
  if (short.some((s) => s !== null)) {
    const has = short.filter((s) => s !== null).join(', ');
    return {
      ...base,
      verdict: 'not_enough_data',
      message: `Not enough data yet: each post needs at least ${minExposure} ${exposureLabel} (${has}).`,
    };
  }
  const over = [a.engagements > a.exposure ? 'A' : null, b.engagements > b.exposure ? 'B' : null].filter((s) => s);
  if (over.length > 0) {
    // More engagements than people reached: these are not proportions, so the test does not apply.
    return {
      ...base,
      verdict: 'not_significant',
      message: `Can't test: ${over.join(' and ')} counts more engagements than ${exposureLabel}, so the rates can't be compared this way.`,
    };
  }

  const pooled = (a.engagements + b.engagements) / (a.exposure + b.exposure);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.exposure + 1 / b.exposure));
  // se = 0 only when both rates are 0 % or both 100 %: no difference at all.
  const z = se > 0 ? (rateB - rateA) / se : 0;
  // The lower tail of −|z| keeps precision where 1 − Φ(|z|) would round to 0.
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
  const significant = pValue < AB_ALPHA && rateA !== rateB;
  const winner: ABResult['winner'] = significant ? (rateB > rateA ? 'b' : 'a') : null;
  const stats = { ...base, z, pValue, confidence: 1 - pValue, winner };
  if (winner === null) {
    return {
      ...stats,
      verdict: 'not_significant',
      message: `No clear winner yet: ${pct(rateA)} vs ${pct(rateB)} (${formatP(pValue)}).`,
    };
  }
  const [best, other] = winner === 'b' ? [rateB, rateA] : [rateA, rateB];
  const level = `${Math.round((1 - AB_ALPHA) * 100)} %`;
  return {
    ...stats,
    verdict: 'significant',
    message: `${winner.toUpperCase()} did better: ${pct(best)} vs ${pct(other)} engagement (${formatP(pValue)}, significant at ${level}).`,
  };
}
