import type { Intervention, InterventionAction, RuleInsight } from '../../../shared/domain/coach';

/** Snooze choices offered on every open intervention. */
export const SNOOZE_DAYS = [1, 3, 7] as const;

/** "1 day", "3 days". */
export function daysText(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** Where an intervention's action leads and what its button says. */
export interface ActionTarget {
  label: string;
  /** compose: make a draft from the text and open it; otherwise a route to open. */
  kind: 'compose' | 'route';
  route: string;
}

export function actionTarget(action: InterventionAction): ActionTarget {
  switch (action.kind) {
    case 'suggest-post':
      return { label: 'Write the suggested post', kind: 'compose', route: '/compose' };
    case 'reschedule':
      return {
        label: action.postIds.length === 1 ? 'Reschedule the post' : `Reschedule ${action.postIds.length} posts`,
        kind: 'route',
        route: '/calendar',
      };
    case 'reconnect':
      return { label: 'Reconnect the account', kind: 'route', route: '/settings' };
  }
}

const RULE_NAMES: Record<Intervention['rule'], string> = {
  'missed-cadence': 'Missed cadence',
  'engagement-falling': 'Engagement falling',
  'token-expired': 'Account disconnected',
  'drafts-piling-up': 'Drafts piling up',
};

export function ruleName(rule: Intervention['rule']): string {
  return RULE_NAMES[rule];
}

const STATUS_TEXT: Record<Intervention['status'], string> = {
  open: 'Open',
  snoozed: 'Snoozed',
  dismissed: 'Dismissed',
  acted: 'Acted on',
  resolved: 'Resolved on its own',
};

export function statusText(status: Intervention['status']): string {
  return STATUS_TEXT[status];
}

/** A history entry's outcome: "Acted on", or "Snoozed until Dec 2, 2026" while the snooze lasts. */
export function historyStatusText(
  item: Pick<Intervention, 'status' | 'snoozedUntil'>,
  timeZone?: string,
  locale?: string,
): string {
  if (item.status === 'snoozed' && item.snoozedUntil) {
    const until = new Date(item.snoozedUntil);
    if (!Number.isNaN(until.getTime())) {
      return `Snoozed until ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(until)}`;
    }
  }
  return statusText(item.status);
}

/**
 * The "what you usually act on" line: the learned sentences of rules the creator has answered,
 * most acted-on first; or an honest "still learning" when there is no history.
 */
export function learningLine(insights: readonly RuleInsight[]): string {
  const answered = insights
    .filter((i) => i.acted + i.dismissed + i.snoozed > 0)
    .sort((a, b) => b.actRate - a.actRate || b.acted - a.acted);
  if (answered.length === 0) return 'The coach is still learning which suggestions you act on.';
  return answered
    .slice(0, 2)
    .map((i) => i.sentence.trim())
    .join(' ');
}
