import { LLM_TASKS } from '../../../shared/domain/llm';
import { checkboxClass } from '../../ui/controls';
import { FieldError } from '../../ui/Field';
import { TASK_LABELS } from './labels';
import { useRouting } from './routing.store';

/** Which tasks may go to a cloud provider at all (none until the user opts in). */
export function CloudTasksField() {
  const allowed = useRouting((s) => s.settings?.allowedCloudTasks ?? []);
  const privacy = useRouting((s) => s.settings?.privacyMode ?? false);
  const error = useRouting((s) => s.fieldErrors.allowedCloudTasks);

  return (
    <fieldset aria-describedby="ai-cloud-tasks-hint">
      <legend className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Tasks allowed to use the cloud</legend>
      <p id="ai-cloud-tasks-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {privacy
          ? 'Privacy mode is on, so none of these go to the cloud right now.'
          : 'Only used when a cloud step is in the task’s chain and a key is saved.'}
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2">
        {LLM_TASKS.map((task) => (
          <label key={task} className="flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
            <input
              type="checkbox"
              className={checkboxClass}
              checked={allowed.includes(task)}
              onChange={(e) => void useRouting.getState().toggleCloudTask(task, e.target.checked)}
            />
            {TASK_LABELS[task]}
          </label>
        ))}
      </div>
      <FieldError id="ai-cloud-tasks-error" message={error} />
    </fieldset>
  );
}
