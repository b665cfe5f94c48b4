import { daysBetween, localDay } from '../local-day';
import type { RuleContext, Situation } from './rule-types';

/** The longest gap the cadence allows: a day more than its spacing, and never under 2 days. */
export function allowedGapDays(postsPerWeek: number): number {
  return Math.max(2, Math.ceil(7 / postsPerWeek) + 1);
}

/**
 * No post published for more than the allowed gap. Only after a first post: a creator who has
 * not published yet is starting, not lapsing. The situation is keyed by the last post's day, so
 * a new post ends it and a later gap is a new situation.
 */
export function missedCadence(ctx: RuleContext): Situation[] {
  const last = ctx.publications.reduce<string | null>(
    (m, p) => (m === null || p.publishedAt > m ? p.publishedAt : m),
    null,
  );
  if (last === null) return [];
  const lastDay = localDay(last, ctx.timezone);
  const gap = daysBetween(lastDay, ctx.today);
  const allowed = allowedGapDays(ctx.postsPerWeek);
  if (gap <= allowed) return [];
  const idea = ctx.backlog.find((p) => p.status === 'idea' || p.status === 'draft');
  const text = idea
    ? [idea.title, idea.body].filter((s) => s.trim() !== '').join('\n\n')
    : 'A quick one to get back on track: share one thing you learned or tried this week, in three short lines.';
  return [
    {
      rule: 'missed-cadence',
      situation: `missed-cadence:${lastDay}`,
      title: `No post for ${gap} days`,
      message: `Your last post went out on ${lastDay}, ${gap} days ago; your plan of ${ctx.postsPerWeek} a week allows gaps of up to ${allowed} days. A short post today restarts the rhythm.`,
      action: { kind: 'suggest-post', text },
    },
  ];
}
