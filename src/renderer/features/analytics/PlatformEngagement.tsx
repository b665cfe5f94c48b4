import type { PlatformEngagement as PlatformRow } from '../../../shared/domain/analytics';
import { formatNumber } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { formatRate } from './analytics-format';
import { barFractions } from './chart-data';

/** Engagement rate per platform, each with the formula it was computed by (and its source). */
export function PlatformEngagement({ rows }: { rows: readonly PlatformRow[] }) {
  const fractions = barFractions(rows.map((r) => r.engagementRate));
  return (
    <SectionCard
      title="Engagement by platform"
      description="Each platform counts engagement its own way; the formula used is shown under each rate."
    >
      {rows.length === 0 ? (
        <EmptyNote>No published posts in this range.</EmptyNote>
      ) : (
        <ul aria-label="Engagement rate by platform" className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row, i) => (
            <li key={row.platform} className="py-3 first:pt-0 last:pb-0">
              <div className="grid grid-cols-[7rem_minmax(0,1fr)_4.5rem] items-center gap-3 text-sm">
                <PlatformBadge platform={row.platform} className="justify-self-start" />
                <span aria-hidden="true" className="h-2.5 rounded-full bg-zinc-100 dark:bg-zinc-800">
                  <span
                    className="block h-full rounded-full bg-indigo-500 dark:bg-indigo-400"
                    style={{ width: `${(fractions[i] ?? 0) * 100}%` }}
                  />
                </span>
                <span className="text-right font-semibold tabular-nums">{formatRate(row.engagementRate)}</span>
              </div>
              <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                <span className="font-mono">{row.formula.formula}</span>
                {' · '}
                {formatNumber(row.posts)} posts, {formatNumber(row.engagements)} engagements ÷{' '}
                {formatNumber(row.exposure)} {row.formula.denominator}
              </p>
              <details className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                <summary className="cursor-pointer">Why this formula</summary>
                <p className="mt-1">{row.formula.explanation}</p>
                {row.formula.source && (
                  <a
                    href={row.formula.source.url}
                    target="_blank"
                    rel="noreferrer"
                    className="mt-1 inline-block text-indigo-600 hover:underline dark:text-indigo-400"
                  >
                    Source: {row.formula.source.title}
                  </a>
                )}
              </details>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
