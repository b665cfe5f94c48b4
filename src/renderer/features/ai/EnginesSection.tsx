import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { SectionCard, SectionError } from '../../ui/SectionCard';
import { ToneBadge } from './Badges';
import { embeddedSummary, type EngineSummary, hardwareRows, ollamaSummary } from './engine-text';
import { useEngines } from './engines.store';
import { HealthList } from './HealthList';

function EngineRow({ name, summary }: { name: string; summary: EngineSummary }) {
  return (
    <div className="py-3 first:pt-0">
      <dt className="flex flex-wrap items-center justify-between gap-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {name}
        <ToneBadge tone={summary.tone}>{summary.label}</ToneBadge>
      </dt>
      {summary.hint && <dd className="mt-1 text-sm break-words text-zinc-600 dark:text-zinc-400">{summary.hint}</dd>}
    </div>
  );
}

/** Ollama (found, managed, missing or failed), the embedded engine, and this machine's hardware. */
export function EnginesSection() {
  const { status, data, error, checking, checkHealth } = useEngines();
  return (
    <SectionCard
      title="Engines"
      description="Where your drafts are written on this device."
      actions={
        <Button size="sm" onClick={() => void checkHealth()} disabled={checking}>
          {checking ? 'Checking…' : 'Check providers'}
        </Button>
      }
    >
      {status === 'error' && error && <SectionError message={`Could not read the engines: ${error}`} />}
      {!data && status === 'loading' && <Spinner label="Looking for engines…" />}
      {data && (
        <div className="space-y-5">
          <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <EngineRow name="Ollama" summary={ollamaSummary(data.ollama)} />
            <EngineRow name="Embedded engine" summary={embeddedSummary(data.embedded)} />
          </dl>
          <div>
            <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              Hardware
            </h3>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
              {hardwareRows(data.hardware).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-zinc-500 dark:text-zinc-400">{name}</dt>
                  <dd className="break-words text-zinc-900 dark:text-zinc-100">{value}</dd>
                </div>
              ))}
            </dl>
          </div>
          <HealthList />
        </div>
      )}
    </SectionCard>
  );
}
