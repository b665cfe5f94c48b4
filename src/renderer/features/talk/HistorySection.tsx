import { useState } from 'react';
import { Button } from '../../ui/Button';
import { formatRelative } from '../../ui/format';
import { EmptyNote, SectionCard } from '../../ui/SectionCard';
import { CorrectionForm } from './CorrectionForm';
import { describeIntents, describeTimings, statusLabel } from './intent-text';
import { useTalk } from './talk.store';

/** Every command: what was heard, what it meant, what happened and how long each stage took. */
export function HistorySection() {
  const history = useTalk((state) => state.history);
  const [correcting, setCorrecting] = useState<string | null>(null);
  return (
    <SectionCard title="History">
      {history.length === 0 ? (
        <EmptyNote>No commands yet. Hold the Talk button and say “open the calendar”.</EmptyNote>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {history.map((command) => (
            <li key={command.id} className="py-3 text-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-0.5">
                  <p className="font-medium">“{command.transcript || '(nothing heard)'}”</p>
                  <p className="text-zinc-600 dark:text-zinc-400">
                    {(command.correctedTo ?? command.intents).length > 0 &&
                      `${describeIntents(command.correctedTo ?? command.intents)}${command.correctedTo ? ' (corrected)' : ''} · `}
                    {statusLabel(command.status)}
                    {command.understoodBy
                      ? ` · by ${command.understoodBy === 'ai' ? 'the AI' : command.understoodBy === 'custom' ? 'your phrase' : 'the grammar'}`
                      : ''}
                  </p>
                  {command.reply && <p className="text-zinc-600 dark:text-zinc-400">Reply: {command.reply}</p>}
                  <p className="text-xs text-zinc-500">
                    {formatRelative(command.createdAt)} · {command.source === 'voice' ? 'spoken' : 'typed'}
                    {describeTimings(command.timings) ? ` · ${describeTimings(command.timings)}` : ''}
                  </p>
                </div>
                {correcting !== command.id && (
                  <Button size="sm" variant="ghost" onClick={() => setCorrecting(command.id)}>
                    Correct this
                  </Button>
                )}
              </div>
              {correcting === command.id && <CorrectionForm command={command} onDone={() => setCorrecting(null)} />}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
