import type { GoalMetric, SuccessWeek } from '../../../shared/domain/coach';
import type { CoachFactor } from '../coach-analytics.port';
import { type Goal, weeklyTargets } from '../../analytics/math/milestones';

/** Formats whose confident effect on engagement is positive, best first (at most `limit`). */
export function bestFormats(factors: readonly CoachFactor[], limit = 2): string[] {
  return factors
    .filter((f) => f.feature.startsWith('format:') && f.confident && f.effectPercent > 0)
    .sort((a, b) => b.effectPercent - a.effectPercent)
    .slice(0, limit)
    .map((f) => f.feature.slice('format:'.length));
}

export interface SuccessPathInput {
  metric: GoalMetric;
  goal: Goal;
  today: string;
  current: number;
  postsPerWeek: number;
  formats: string[];
}

/**
 * Weekly targets from this week to the deadline: the value the needed (linear) path reaches at
 * each week's end, the posts the cadence plans, and the formats that work best for the creator.
 * For a posts goal, the weekly post count is whatever closes the remaining gap, never less than
 * the cadence — recomputed on every call, so the path adapts as data arrives.
 */
export function successPath(input: SuccessPathInput): SuccessWeek[] {
  const weeks: SuccessWeek[] = weeklyTargets(input.goal, input.today).map((w) => ({
    weekStart: w.weekStart,
    weekEnd: w.weekEnd,
    posts: input.postsPerWeek,
    formats: input.formats,
    neededValue: w.value,
  }));
  if (input.metric === 'posts_published' && weeks.length > 0) {
    const perWeek = Math.ceil(Math.max(0, input.goal.target - input.current) / weeks.length);
    for (const w of weeks) w.posts = Math.max(input.postsPerWeek, perWeek);
  }
  return weeks;
}
