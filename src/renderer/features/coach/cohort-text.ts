import type { CohortPlatform } from '../../../shared/domain/coach';

type Comparison = CohortPlatform['comparisons'][number];

/** A rate in percent as benchmarks print it: "1.2 %", "0.07 %". */
export function formatRate(percent: number, locale?: string): string {
  // Two significant digits below 10 % (benchmarks like 0.063 % need them), one decimal above.
  const options: Intl.NumberFormatOptions =
    Math.abs(percent) < 10 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 1 };
  return `${new Intl.NumberFormat(locale, options).format(percent)} %`;
}

/** "per follower" / "per impression": which rate is compared. */
export function basisText(basis: Comparison['basis']): string {
  return basis === 'followers' ? 'per follower' : 'per impression';
}

/** The widths (0–1) of the creator's bar and the benchmark's bar, scaled to the larger of the two. */
export function comparisonBars(comparison: Pick<Comparison, 'benchmarkPercent' | 'yourPercent'>): {
  yours: number | null;
  benchmark: number;
} {
  const { benchmarkPercent, yourPercent } = comparison;
  const max = Math.max(benchmarkPercent, yourPercent ?? 0);
  if (!(max > 0)) return { yours: yourPercent === null ? null : 0, benchmark: 0 };
  return { yours: yourPercent === null ? null : Math.max(0, yourPercent) / max, benchmark: benchmarkPercent / max };
}

/** "Source: Socialinsider, Social Media Benchmarks (2025)". */
export function sourceText(source: Comparison['source']): string {
  return `${source.title} (${source.year})`;
}
