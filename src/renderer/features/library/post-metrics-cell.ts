import type { PostMetrics } from '../../../shared/domain/analytics';
import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';

/** One platform's latest figures, as shown in a library row. */
export interface MetricsLine {
  platform: Platform;
  /** Compact visible text, e.g. "7 eng · 3.9% · 180 impr.". */
  text: string;
  /** The same in words, e.g. "X 7 engagements, 3.9%, 180 impressions". */
  spoken: string;
}

export interface MetricsCell {
  lines: MetricsLine[];
  /** Accessible label for the whole cell, e.g. "Metrics: X 7 engagements, 3.9%". */
  label: string;
}

const NONE: MetricsCell = { lines: [], label: 'Metrics: none yet' };

/** The library's compact metrics for a post: latest engagements, rate and exposure per publication. */
export function metricsCell(metrics: PostMetrics | null | undefined, locale?: string): MetricsCell {
  if (!metrics || metrics.publications.length === 0) return NONE;
  const count = new Intl.NumberFormat(locale);
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const lines = metrics.publications.map(({ publication: p }): MetricsLine => {
    const text = [`${compact.format(p.engagements)} eng`];
    const spoken = [
      `${PLATFORM_LABELS[p.platform]} ${count.format(p.engagements)} ${plural(p.engagements, 'engagement')}`,
    ];
    if (p.engagementRate !== null && Number.isFinite(p.engagementRate)) {
      const rate = percent.format(p.engagementRate);
      text.push(rate);
      spoken.push(rate);
    }
    const exposure =
      p.impressions !== null
        ? { value: p.impressions, short: 'impr.', word: 'impression' }
        : p.views !== null
          ? { value: p.views, short: 'views', word: 'view' }
          : null;
    if (exposure) {
      text.push(`${compact.format(exposure.value)} ${exposure.short}`);
      spoken.push(`${count.format(exposure.value)} ${plural(exposure.value, exposure.word)}`);
    }
    return { platform: p.platform, text: text.join(' · '), spoken: spoken.join(', ') };
  });
  return { lines, label: `Metrics: ${lines.map((l) => l.spoken).join('; ')}` };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** Runs `task` over `items` with at most `limit` in flight at once; resolves when all settle. */
export async function runLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch {
        // One failure never stops the others.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
