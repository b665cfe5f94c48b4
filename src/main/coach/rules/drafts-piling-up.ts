import { DAY_MS, type RuleContext, type Situation } from './rule-types';

export const MIN_UNSCHEDULED_DRAFTS = 5;
export const DRAFT_AGE_DAYS = 3;

/** Five or more drafts (draft or ready) with no time set, each older than 3 days. */
export function draftsPilingUp(ctx: RuleContext): Situation[] {
  const cutoff = Date.parse(ctx.now) - DRAFT_AGE_DAYS * DAY_MS;
  const stale = ctx.backlog.filter(
    (p) => (p.status === 'draft' || p.status === 'ready') && p.scheduledAt === null && Date.parse(p.createdAt) < cutoff,
  );
  if (stale.length < MIN_UNSCHEDULED_DRAFTS) return [];
  return [
    {
      rule: 'drafts-piling-up',
      situation: 'drafts-piling-up',
      title: `${stale.length} drafts waiting without a date`,
      message: `${stale.length} finished or half-finished posts have sat unscheduled for more than ${DRAFT_AGE_DAYS} days. Give them slots in your calendar so the work you did goes out.`,
      action: { kind: 'reschedule', postIds: stale.map((p) => p.id) },
    },
  ];
}
