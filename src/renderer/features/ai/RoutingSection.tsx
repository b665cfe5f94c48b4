import { LLM_TASKS } from '../../../shared/domain/llm';
import { Spinner } from '../../ui/Spinner';
import { SectionCard, SectionError } from '../../ui/SectionCard';
import { CeilingsForm } from './CeilingsForm';
import { CloudTasksField } from './CloudTasksField';
import { PrivacySwitch } from './PrivacySwitch';
import { useRouting } from './routing.store';
import { TaskChainRow } from './TaskChainRow';

/** Which models each task tries, in order, and the rules around them: privacy, money, cloud. */
export function RoutingSection() {
  const status = useRouting((s) => s.status);
  const settings = useRouting((s) => s.settings);
  const error = useRouting((s) => s.error);

  return (
    <SectionCard
      title="Task routing"
      description="Each task tries its models in order and falls back to the next when one cannot answer."
    >
      {status === 'error' && error && <SectionError message={`Could not read the routing: ${error}`} />}
      {!settings && status === 'loading' && <Spinner label="Reading the routing…" />}
      {settings && (
        <div className="space-y-6">
          <PrivacySwitch />
          <ul className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800">
            {LLM_TASKS.map((task) => (
              <TaskChainRow key={task} task={task} />
            ))}
          </ul>
          <div className="grid gap-6 md:grid-cols-2">
            <CeilingsForm />
            <CloudTasksField />
          </div>
        </div>
      )}
    </SectionCard>
  );
}
