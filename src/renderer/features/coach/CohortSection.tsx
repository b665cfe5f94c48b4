import type { Cohort, CohortPlatform } from '../../../shared/domain/coach';
import { formatNumber } from '../../ui/format';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { useCoach } from './coach.store';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { LoadGate } from './LoadGate';
import { basisText, comparisonBars, formatRate, sourceText } from './cohort-text';

function Bar({ label, fraction, className }: { label: string; fraction: number; className: string }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] items-center gap-2 text-xs">
      <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      <span aria-hidden="true" className="h-2 rounded-full bg-zinc-100 dark:bg-zinc-800">
        <span className={`block h-full rounded-full ${className}`} style={{ width: `${fraction * 100}%` }} />
      </span>
    </div>
  );
}

function PlatformRow({ row }: { row: CohortPlatform }) {
  const label = PLATFORM_LABELS[row.platform];
  return (
    <li className="space-y-2 py-3">
      <p className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{label}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {row.followers === null ? 'Followers unknown' : `${formatNumber(row.followers)} followers`} ·{' '}
          {formatNumber(row.posts)} post{row.posts === 1 ? '' : 's'}
        </span>
      </p>
      {row.note && <p className="text-sm text-zinc-600 dark:text-zinc-400">{row.note}</p>}
      {row.comparisons.map((c) => {
        const bars = comparisonBars(c);
        return (
          <div key={`${c.basis}-${c.band}`} className="space-y-1.5">
            <p className="text-sm">{c.sentence}</p>
            <Bar
              label={`You: ${c.yourPercent === null ? 'no data' : formatRate(c.yourPercent)}`}
              fraction={bars.yours ?? 0}
              className="bg-indigo-500"
            />
            <Bar
              label={`Typical: ${formatRate(c.benchmarkPercent)}`}
              fraction={bars.benchmark}
              className="bg-zinc-400"
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Engagement {basisText(c.basis)}, {c.band} band. Source:{' '}
              <a
                href={c.source.url}
                target="_blank"
                rel="noreferrer"
                className="text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {sourceText(c.source)}
              </a>
            </p>
          </div>
        );
      })}
    </li>
  );
}

function CohortBody({ cohort }: { cohort: Cohort }) {
  return (
    <div className="space-y-3">
      {cohort.platforms.length === 0 ? (
        <EmptyNote>No platforms with posts yet. Import your history on the Analytics page to compare.</EmptyNote>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {cohort.platforms.map((row) => (
            <PlatformRow key={row.platform} row={row} />
          ))}
        </ul>
      )}
      <p className="border-t border-zinc-200 pt-3 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        Creators like you (anonymized, from the sync service): {cohort.aggregates.reason}
      </p>
    </div>
  );
}

/** The creator's engagement against published benchmarks per platform, each with its source. */
export function CohortSection() {
  const cohort = useCoach((s) => s.cohort);
  const load = useCoach((s) => s.load);
  return (
    <SectionCard title="How you compare" description="Your engagement rate against published benchmarks.">
      <LoadGate state={cohort} what="the comparison" onRetry={() => void load('cohort')}>
        {(data) => <CohortBody cohort={data} />}
      </LoadGate>
    </SectionCard>
  );
}
