import { useId } from 'react';
import type { OverviewTotals } from '../../../shared/domain/analytics';
import { formatNumber } from '../../ui/format';
import { formatChange, formatRate, formatSignedNumber } from './analytics-format';

function Total({ label, value, raw, note }: { label: string; value: string; raw: number | null; note?: string }) {
  const id = useId();
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <dt id={id} className="text-xs font-medium text-zinc-500 dark:text-zinc-400">
        {label}
      </dt>
      {/* Named by its label, so "Impressions" finds the number (tests read data-value for the exact figure). */}
      <dd
        aria-labelledby={id}
        data-value={raw ?? ''}
        className="mt-1 text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums dark:text-zinc-50"
      >
        {value}
      </dd>
      {note && <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{note}</dd>}
    </div>
  );
}

/** The range's totals; each number is findable by its visible label (a <dt>/<dd> pair). */
export function TotalsCards({ totals }: { totals: OverviewTotals }) {
  const growthNote =
    totals.followerGrowth === null
      ? 'No follower history in this range'
      : `${formatSignedNumber(totals.followerGrowth)} (${formatChange(
          totals.followerGrowthPercent === null ? null : totals.followerGrowthPercent / 100,
        )}) in this range`;
  return (
    <section aria-label="Totals">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Total label="Posts published" value={formatNumber(totals.postsPublished)} raw={totals.postsPublished} />
        <Total label="Impressions" value={formatNumber(totals.impressions)} raw={totals.impressions} />
        {/* Views only where a platform reports them (video); a row of zeros would read as "nobody watched". */}
        {totals.views > 0 && <Total label="Views" value={formatNumber(totals.views)} raw={totals.views} />}
        <Total label="Engagements" value={formatNumber(totals.engagements)} raw={totals.engagements} />
        <Total
          label="Engagement rate"
          value={formatRate(totals.engagementRate)}
          raw={totals.engagementRate}
          note="All platforms, each by its own formula"
        />
        <Total
          label="Followers"
          value={totals.followersEnd === null ? '—' : formatNumber(totals.followersEnd)}
          raw={totals.followersEnd}
          note={growthNote}
        />
      </dl>
    </section>
  );
}
