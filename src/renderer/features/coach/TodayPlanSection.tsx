import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TodayPlan } from '../../../shared/domain/coach';
import { Button } from '../../ui/Button';
import { formatCalendarDate } from '../../ui/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { useCoach } from './coach.store';
import { SectionCard } from '../../ui/SectionCard';
import { LoadGate } from './LoadGate';
import { authorText, whenHeading } from './plan-text';
import { ReadAloudButton } from './ReadAloudButton';

function PlanItem({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{term}</dt>
      <dd className="mt-1 space-y-1 text-sm">{children}</dd>
    </div>
  );
}

const muted = 'text-zinc-600 dark:text-zinc-400';

/** The plan's content: message, what/when/idea/tip, the suggested post, its author and its data. */
function PlanBody({ plan }: { plan: TodayPlan }) {
  const navigate = useNavigate();
  const sending = useCoach((s) => s.sending);
  const send = useCoach((s) => s.sendToCompose);

  const sendToCompose = async () => {
    const postId = await send();
    if (postId) void navigate(`/compose/${postId}`);
  };

  return (
    <div className="space-y-4">
      <p className="rounded-lg bg-zinc-50 p-4 text-base text-zinc-900 dark:bg-zinc-800/60 dark:text-zinc-100">
        {plan.message}
      </p>
      <dl className="grid gap-3 sm:grid-cols-2">
        <PlanItem term="What to post">
          <p className="font-medium">{plan.what.format ?? 'Any format'}</p>
          <p className={muted}>{plan.what.reason}</p>
        </PlanItem>
        <PlanItem term="When">
          <p className="font-medium">{whenHeading(plan)}</p>
          <p className={muted}>{plan.when.reason}</p>
        </PlanItem>
        <PlanItem term="From your backlog">
          {plan.idea ? (
            <p className="flex flex-wrap items-center gap-2">
              <Link
                to={`/compose/${plan.idea.postId}`}
                className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {plan.idea.title.trim() || 'Untitled post'}
              </Link>
              <StatusBadge status={plan.idea.status} />
            </p>
          ) : null}
          <p className={muted}>{plan.ideaNote}</p>
        </PlanItem>
        <PlanItem term="Skill tip">
          <p className="font-medium">{plan.tip.title}</p>
          <p className={muted}>{plan.tip.text}</p>
        </PlanItem>
      </dl>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{plan.goalLine}</p>

      <div className="rounded-lg border border-indigo-200 p-4 dark:border-indigo-900">
        <h3 className="text-sm font-semibold">Suggested post</h3>
        <p className="mt-2 text-sm whitespace-pre-wrap">{plan.suggestedPost}</p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button variant="primary" size="sm" onClick={() => void sendToCompose()} disabled={sending}>
            {sending ? 'Sending…' : 'Send to Compose'}
          </Button>
          {plan.sentPostId && (
            <Link
              to={`/compose/${plan.sentPostId}`}
              className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Open the draft sent earlier
            </Link>
          )}
        </div>
      </div>

      <p className="text-xs text-zinc-500 dark:text-zinc-400">{authorText(plan)}</p>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-zinc-700 dark:text-zinc-300">
          The data this plan used ({plan.dataUsed.length})
        </summary>
        {plan.dataUsed.length === 0 ? (
          <p className={`mt-2 ${muted}`}>No figures yet: the plan follows your profile only.</p>
        ) : (
          <dl aria-label="The data this plan used" className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            {plan.dataUsed.map((item) => (
              <div key={item.label} className="contents">
                <dt className={muted}>{item.label}</dt>
                <dd className="font-medium">{item.value}</dd>
              </div>
            ))}
          </dl>
        )}
      </details>
    </div>
  );
}

/** "Today's plan": the daily coaching session, with regenerate, read aloud and send to Compose. */
export function TodayPlanSection() {
  const today = useCoach((s) => s.today);
  const load = useCoach((s) => s.load);
  const regenerate = useCoach((s) => s.regenerate);
  const regenerating = useCoach((s) => s.regenerating);
  const plan = today.data;
  return (
    <SectionCard
      title="Today's plan"
      description={plan ? formatCalendarDate(plan.date) : undefined}
      actions={
        plan && (
          <>
            <ReadAloudButton text={plan.speech} />
            <Button size="sm" onClick={() => void regenerate()} disabled={regenerating}>
              {regenerating ? 'Writing a new plan…' : 'Regenerate'}
            </Button>
          </>
        )
      }
    >
      <LoadGate state={today} what="today's plan" onRetry={() => void load('today')}>
        {(data) => <PlanBody plan={data} />}
      </LoadGate>
    </SectionCard>
  );
}
