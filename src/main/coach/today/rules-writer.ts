import type { TodayPlan } from '../../../shared/domain/coach';
import type { BacklogPost } from '../coach-data.reader';

type PlanParts = Pick<TodayPlan, 'what' | 'when' | 'idea' | 'ideaNote' | 'tip' | 'goalLine'>;

/** The coaching message when the AI engine is not available: the plan's facts, in order. */
export function rulesMessage(plan: PlanParts): string {
  const format = plan.what.format ? `a ${plan.what.format} post` : 'a post';
  const when = plan.when.at ? ` at ${plan.when.label}` : plan.when.platform ? ` on ${plan.when.platform}` : '';
  const idea = plan.idea
    ? ` Start from “${plan.idea.title || 'Untitled'}”.`
    : ' Your backlog is empty, so start with one new idea.';
  return `Today: publish ${format}${when}.${idea} ${plan.goalLine} Skill for today: ${plan.tip.title.toLowerCase()}.`;
}

/**
 * The suggested post without the AI: the backlog idea's own words (nothing invented), or an
 * outline for the creator to fill in when the backlog is empty.
 */
export function rulesPost(idea: BacklogPost | null, format: string | null): string {
  if (idea) return [idea.title, idea.body].filter((s) => s.trim() !== '').join('\n\n') || 'Write your post here.';
  const shape = format ? ` (${format})` : '';
  return `[Opening line: the result or the surprising fact first]\n\n[Two or three short lines that explain it${shape}]\n\n[One question or call to action]`;
}

/** The plan as plain sentences for reading aloud (no symbols a voice would spell out). */
export function speechOf(plan: TodayPlan): string {
  const parts = [
    `Here is your plan for today.`,
    plan.message,
    plan.what.format ? `Post format: ${plan.what.format}. ${plan.what.reason}` : plan.what.reason,
    plan.when.at ? `Best time: ${plan.when.label}.` : `${plan.when.label}.`,
    plan.ideaNote,
    `Tip: ${plan.tip.title}. ${plan.tip.text}`,
  ];
  return parts.join(' ').replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}
