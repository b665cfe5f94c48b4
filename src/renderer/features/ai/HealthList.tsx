import { ToneBadge } from './Badges';
import { useEngines } from './engines.store';
import { providerLabel } from './labels';

/** The answers to "Check providers": each set-up provider, whether it answered, and why not. */
export function HealthList() {
  const health = useEngines((s) => s.health);
  const healthError = useEngines((s) => s.healthError);
  if (healthError) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        Could not check the providers: {healthError}
      </p>
    );
  }
  if (!health) return null;
  return (
    <div role="status">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Provider check
      </h3>
      <ul className="space-y-1.5 text-sm">
        {health.map((row) => (
          <li key={row.id} className="flex flex-wrap items-center gap-2">
            <span className="w-32 font-medium text-zinc-800 dark:text-zinc-200">{providerLabel(row.id)}</span>
            <ToneBadge tone={row.ok ? 'ok' : 'idle'}>{row.ok ? 'Answers' : 'Not answering'}</ToneBadge>
            {row.detail && <span className="text-zinc-500 dark:text-zinc-400">{row.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
