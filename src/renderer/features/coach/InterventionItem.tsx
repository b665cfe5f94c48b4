import { useId } from 'react';
import { useNavigate } from 'react-router';
import type { Intervention } from '../../../shared/domain/coach';
import { Button } from '../../ui/Button';
import { formatRelative } from '../../ui/format';
import { useCoach } from './coach.store';
import { actionTarget, daysText, ruleName, SNOOZE_DAYS } from './intervention-text';

/** One open intervention: what happened, the one thing to do about it, snooze and dismiss. */
export function InterventionItem({ intervention }: { intervention: Intervention }) {
  const titleId = useId();
  const navigate = useNavigate();
  const { actOn, respond, responding } = useCoach();
  const busy = responding === intervention.id;
  const target = actionTarget(intervention.action);

  const act = async () => {
    const route = await actOn(intervention);
    if (route) void navigate(route);
  };

  return (
    <article
      aria-labelledby={titleId}
      className="rounded-lg border border-amber-200 bg-amber-50/60 p-4 dark:border-amber-900 dark:bg-amber-950/30"
    >
      <p className="text-xs font-medium text-amber-800 dark:text-amber-300">
        {ruleName(intervention.rule)} · {formatRelative(intervention.triggeredAt)}
      </p>
      <h3 id={titleId} className="mt-1 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        {intervention.title}
      </h3>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{intervention.message}</p>
      {intervention.action.kind === 'suggest-post' && (
        <blockquote className="mt-2 border-l-2 border-amber-300 pl-3 text-sm whitespace-pre-wrap text-zinc-700 dark:border-amber-700 dark:text-zinc-300">
          {intervention.action.text}
        </blockquote>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button variant="primary" size="sm" disabled={busy} onClick={() => void act()}>
          {target.label}
        </Button>
        <span role="group" aria-label="Snooze" className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="text-xs text-zinc-500 dark:text-zinc-400">
            Snooze:
          </span>
          {SNOOZE_DAYS.map((days) => (
            <Button
              key={days}
              variant="ghost"
              size="sm"
              disabled={busy}
              aria-label={`Snooze for ${daysText(days)}`}
              onClick={() => void respond(intervention, 'snoozed', days)}
            >
              {daysText(days)}
            </Button>
          ))}
        </span>
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => void respond(intervention, 'dismissed')}>
          Dismiss
        </Button>
      </div>
    </article>
  );
}
