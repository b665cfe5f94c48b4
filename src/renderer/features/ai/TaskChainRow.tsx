import { useState } from 'react';
import type { LlmTaskName } from '../../../shared/domain/llm';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { chainEntryLabel, entryFromKey, entryKey, localChoices, selectedChoice } from './chains';
import { TASK_LABELS } from './labels';
import { useModels } from './models.store';
import { useRouting } from './routing.store';

const LOCAL = new Set(['ollama', 'embedded']);

/** A task's chain in order, and a picker to put an installed model first. */
export function TaskChainRow({ task }: { task: LlmTaskName }) {
  const chain = useRouting((s) => s.settings?.chains[task] ?? []);
  const cloudAllowed = useRouting((s) => !s.settings?.privacyMode && s.settings?.allowedCloudTasks.includes(task));
  const saving = useRouting((s) => s.saving);
  const models = useModels((s) => s.models);
  const choices = localChoices(models);
  const first = chain[0];
  const [picked, setPicked] = useState('');
  const selected = selectedChoice(choices, picked, first);
  const selectId = `ai-chain-${task}`;
  const entry = entryFromKey(selected);

  return (
    <li className="grid gap-3 py-3 md:grid-cols-[9rem_minmax(0,1fr)_auto] md:items-center">
      <span className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{TASK_LABELS[task]}</span>
      <ol aria-label={`${TASK_LABELS[task]} chain`} className="flex flex-wrap items-center gap-1.5 text-xs">
        {chain.length === 0 && <li className="text-zinc-500">No models — this task cannot run</li>}
        {chain.map((step, index) => {
          const skipped = !LOCAL.has(step.provider) && !cloudAllowed;
          return (
            <li
              key={entryKey(step)}
              className={`rounded-md border px-2 py-1 font-mono ${skipped ? 'border-dashed border-zinc-300 text-zinc-400 dark:border-zinc-700 dark:text-zinc-500' : 'border-zinc-200 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200'}`}
            >
              <span className="font-sans text-zinc-500 dark:text-zinc-400">{index + 1}.</span> {chainEntryLabel(step)}
              {skipped && <span className="font-sans"> (cloud, skipped)</span>}
            </li>
          );
        })}
      </ol>
      {choices.length > 0 && (
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="sr-only">
            First choice for {task}
          </label>
          <select
            id={selectId}
            className={`${inputClass} w-52 py-1.5 font-mono text-xs`}
            value={selected}
            onChange={(e) => setPicked(e.target.value)}
          >
            {choices.map((choice) => (
              <option key={entryKey(choice)} value={entryKey(choice)}>
                {chainEntryLabel(choice)}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            disabled={!entry || saving || (first !== undefined && entryKey(first) === selected)}
            aria-label={`Use the selected model for ${task}`}
            onClick={() => entry && void useRouting.getState().useModel(task, entry)}
          >
            Use
          </Button>
        </div>
      )}
    </li>
  );
}
