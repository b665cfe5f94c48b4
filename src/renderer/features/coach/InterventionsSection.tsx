import { formatRelative } from '../../ui/format';
import { useCoach } from './coach.store';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { LoadGate } from './LoadGate';
import { InterventionItem } from './InterventionItem';
import { historyStatusText, learningLine } from './intervention-text';

/** History entries shown; older ones are in the progress export. */
const HISTORY_SHOWN = 10;

/** Blockers the coach noticed, each with one specific thing to do; what the creator did is remembered. */
export function InterventionsSection() {
  const interventions = useCoach((s) => s.interventions);
  const load = useCoach((s) => s.load);
  return (
    <SectionCard
      title="Needs your attention"
      description="The coach watches your cadence, engagement, accounts and drafts."
    >
      <LoadGate state={interventions} what="the coach's suggestions" onRetry={() => void load('interventions')}>
        {(list) => (
          <div className="space-y-4">
            {list.open.length === 0 ? (
              <EmptyNote>Nothing needs your attention right now.</EmptyNote>
            ) : (
              <div className="space-y-3">
                {list.open.map((item) => (
                  <InterventionItem key={item.id} intervention={item} />
                ))}
              </div>
            )}
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{learningLine(list.insights)}</p>
            {list.history.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer font-medium text-zinc-700 dark:text-zinc-300">
                  Recent history ({list.history.length})
                </summary>
                <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
                  {list.history.slice(0, HISTORY_SHOWN).map((item) => (
                    <li key={item.id} className="flex items-center justify-between gap-3 py-1.5">
                      <span className="truncate">{item.title}</span>
                      <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                        {historyStatusText(item)} · {formatRelative(item.closedAt ?? item.triggeredAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )}
      </LoadGate>
    </SectionCard>
  );
}
