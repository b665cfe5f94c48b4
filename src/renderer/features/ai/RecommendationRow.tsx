import type { ModelRecommendation } from '../../../shared/contract/llm-admin';
import { Button } from '../../ui/Button';
import { FitBadge, ToneBadge } from './Badges';
import { ollamaMissing, useEngines } from './engines.store';
import { TASK_LABELS } from './labels';
import { usePull } from './pull.store';
import { useRouting } from './routing.store';

const TD = 'px-3 py-2.5 align-middle text-zinc-700 dark:text-zinc-300';

/** One task's recommendation: Pull it when missing, then make it the task's first choice. */
export function RecommendationRow({ rec }: { rec: ModelRecommendation }) {
  const pulling = usePull((s) => s.active !== null);
  const missing = useEngines((s) => ollamaMissing(s.data));
  const firstStep = useRouting((s) => s.settings?.chains[rec.task][0] ?? null);
  const saving = useRouting((s) => s.saving);
  const model = rec.model;
  const inUse = model !== null && firstStep?.provider === 'ollama' && firstStep.model === model;

  return (
    <tr>
      <th scope="row" className={`${TD} text-left font-medium text-zinc-900 dark:text-zinc-100`}>
        {TASK_LABELS[rec.task]}
      </th>
      <td className={TD}>
        {model ? <span className="font-mono text-xs text-zinc-900 dark:text-zinc-100">{model}</span> : 'Nothing fits'}
        <p className="mt-0.5 max-w-md text-xs text-zinc-500 dark:text-zinc-400">{rec.reason}</p>
      </td>
      <td className={TD}>{model && <FitBadge fit={rec.fit} reason={rec.reason} />}</td>
      <td className={`${TD} text-right whitespace-nowrap`}>
        {model && (
          <span className="inline-flex items-center gap-2">
            {rec.installed ? (
              <ToneBadge tone="ok">Installed</ToneBadge>
            ) : (
              <Button
                size="sm"
                disabled={pulling || missing}
                aria-label={`Pull ${model}`}
                onClick={() => void usePull.getState().pull(model)}
              >
                Pull
              </Button>
            )}
            {inUse ? (
              <ToneBadge tone="idle">In use</ToneBadge>
            ) : (
              <Button
                size="sm"
                variant="primary"
                disabled={!rec.installed || saving}
                title={rec.installed ? undefined : 'Pull the model first'}
                onClick={() => void useRouting.getState().useModel(rec.task, { provider: 'ollama', model })}
              >
                Use for {rec.task}
              </Button>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}
