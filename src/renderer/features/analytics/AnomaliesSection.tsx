import { useState } from 'react';
import { Button } from '../../ui/Button';
import { formatCalendarDate, formatNumber } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { useAnalytics } from './analytics.store';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { Spinner } from '../../ui/Spinner';

/** The newest few are shown at first; a long quiet-growth history can have dozens. */
const SHOWN = 5;

/** Unusual days in followers and engagement, each with its likely cause; dismissing hides one for good. */
export function AnomaliesSection() {
  const { anomalies, dismiss, load } = useAnalytics();
  const [showAll, setShowAll] = useState(false);
  const all = anomalies.data ?? [];
  const list = showAll ? all : all.slice(0, SHOWN);
  return (
    <SectionCard
      title="Unusual days"
      description="Sudden spikes or drops in followers or engagement, compared with the days before."
    >
      {anomalies.status === 'error' && (
        <SectionError message={`Could not load unusual days: ${anomalies.error}`} onRetry={() => void load()} />
      )}
      {!anomalies.data && anomalies.status === 'loading' && <Spinner label="Looking for unusual days…" />}
      {anomalies.data && list.length === 0 && <EmptyNote>Nothing unusual in this range.</EmptyNote>}
      {list.length > 0 && (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {list.map((a) => {
            const what = a.metric === 'followers' ? 'followers gained' : 'engagements';
            const label = `${a.direction === 'spike' ? 'Spike' : 'Drop'} in ${a.metric} on ${formatCalendarDate(a.date)}`;
            return (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                <div className="min-w-0 text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    <span
                      className={`rounded px-1.5 py-0.5 text-xs font-semibold ${
                        a.direction === 'spike'
                          ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200'
                          : 'bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-200'
                      }`}
                    >
                      {a.direction === 'spike' ? 'Spike' : 'Drop'}
                    </span>
                    {label}
                    {a.platform && <PlatformBadge platform={a.platform} />}
                    {a.accountHandle && (
                      <span className="text-zinc-500 dark:text-zinc-400">@{a.accountHandle.replace(/^@/u, '')}</span>
                    )}
                  </p>
                  <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                    {formatNumber(Math.round(a.value))} {what}, where about {formatNumber(Math.round(a.expected))} was
                    usual.
                  </p>
                  <p className="mt-1 text-zinc-700 dark:text-zinc-300">Likely cause: {a.cause}</p>
                </div>
                <Button size="sm" variant="ghost" aria-label={`Dismiss: ${label}`} onClick={() => void dismiss(a.id)}>
                  Dismiss
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {all.length > SHOWN && (
        <Button size="sm" variant="ghost" className="mt-3" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${all.length} unusual days`}
        </Button>
      )}
    </SectionCard>
  );
}
