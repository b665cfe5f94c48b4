import type { SuccessFactorEvidence } from '../../../shared/domain/analytics';

/** Where an effect, its interval and zero sit on a shared axis, as 0..100 percentages of its width. */
export interface FactorBar {
  zero: number;
  low: number;
  high: number;
  effect: number;
}

/** A symmetric axis around zero wide enough for every interval (at least ±10 %), so bars compare. */
export function factorAxis(factors: readonly Pick<SuccessFactorEvidence, 'low' | 'high'>[]): number {
  const extent = Math.max(10, ...factors.flatMap((f) => [Math.abs(f.low), Math.abs(f.high)]));
  return Math.ceil(extent / 10) * 10;
}

/** A factor placed on the axis [−limit, +limit]. */
export function factorBar(
  factor: Pick<SuccessFactorEvidence, 'low' | 'high' | 'effectPercent'>,
  limit: number,
): FactorBar {
  const at = (value: number) => Math.min(100, Math.max(0, ((value + limit) / (2 * limit)) * 100));
  return { zero: 50, low: at(factor.low), high: at(factor.high), effect: at(factor.effectPercent) };
}

/** "+18 %" / "−7 %": an effect in percent with its sign, whole numbers. */
export function formatEffect(percent: number): string {
  const rounded = Math.round(percent);
  if (rounded === 0) return '0 %';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} %`;
}

/** Strongest evidence first: confident factors, then by the size of the effect. */
export function sortFactors<T extends Pick<SuccessFactorEvidence, 'confident' | 'effectPercent'>>(
  factors: readonly T[],
): T[] {
  return [...factors].sort(
    (a, b) => Number(b.confident) - Number(a.confident) || Math.abs(b.effectPercent) - Math.abs(a.effectPercent),
  );
}
