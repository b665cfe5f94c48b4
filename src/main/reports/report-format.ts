import { REPORT_METRIC_LABELS } from '../../shared/contract/reports';
import { PLATFORM_LABELS } from '../../shared/domain/platform';

/** Column and row labels, the same in the PDF and the CSV. */
export const METRIC_LABELS = REPORT_METRIC_LABELS;
export { PLATFORM_LABELS };

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12,345; "–" when the platforms did not report it (not 0: nothing is invented). */
export function formatCount(value: number | null): string {
  return value === null ? '–' : counts.format(value);
}

/** A fraction as a percentage with two decimals: 0.0423 → "4.23 %". */
export function formatRate(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(2)} %`;
}

/** +120 (+3.4 %), or -15 (-0.5 %). */
export function formatChange(change: number | null, percent: number | null): string {
  if (change === null) return '';
  // ASCII minus: the PDF's standard fonts have no U+2212.
  const sign = change > 0 ? '+' : change < 0 ? '-' : '±';
  const text = `${sign}${counts.format(Math.abs(change))}`;
  if (percent === null) return text;
  return `${text} (${sign}${Math.abs(percent).toFixed(1)} %)`;
}

/** Cuts a title to `max` characters on a word boundary when it can, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
