import { addDays, daysBetween, type DailyPoint } from './growth';
import { isoWeekStart } from './streak';

/** A goal on one metric: from `baseline` on `startDate` to `target` by `deadline` (YYYY-MM-DD). */
export interface Goal {
  baseline: number;
  target: number;
  startDate: string;
  deadline: string;
}

export interface Milestone {
  fraction: number;
  value: number;
  /** First day on which the needed path has reached `value`. */
  dueDate: string;
}

export interface WeeklyTarget {
  weekStart: string;
  /** Sunday of the week, or the deadline when it comes first. */
  weekEnd: string;
  /** Where the metric needs to be by weekEnd to stay on the linear path. */
  value: number;
}

function span(goal: Goal): number {
  const days = daysBetween(goal.startDate, goal.deadline);
  if (days < 0) throw new RangeError(`The deadline ${goal.deadline} is before the start ${goal.startDate}`);
  return days;
}

/**
 * Where the metric needs to be on `date` to reach the target on time, on a straight line from
 * baseline to target. Linear on purpose: it is the plan a creator can check at a glance, and the
 * forecasts (forecast.ts) say separately whether the actual trend keeps up with it. Values are not
 * rounded; the caller formats them.
 */
export function neededValue(goal: Goal, date: string): number {
  const days = span(goal);
  const elapsed = daysBetween(goal.startDate, date);
  if (elapsed < 0) return goal.baseline;
  if (elapsed >= days) return goal.target;
  return goal.baseline + ((goal.target - goal.baseline) * elapsed) / days;
}

/** The needed value on each of the given days (for drawing the plan line next to actuals). */
export function neededPath(goal: Goal, dates: readonly string[]): DailyPoint[] {
  return dates.map((date) => ({ date, value: neededValue(goal, date) }));
}

/**
 * Splits a goal into milestones at the given fractions of the way. The due date is rounded up to
 * the first whole day on which the line has reached the milestone, so a milestone is never due
 * before the plan itself gets there.
 */
export function milestonesFor(goal: Goal, fractions: readonly number[] = [0.25, 0.5, 0.75, 1]): Milestone[] {
  const days = span(goal);
  return fractions.map((fraction) => {
    if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`Milestone fractions lie in [0, 1], got ${fraction}`);
    // The small tolerance keeps 0.55 · 100 = 55.00000000000001 on day 55, not 56.
    const offset = Math.ceil(fraction * days - 1e-9);
    return {
      fraction,
      value: goal.baseline + (goal.target - goal.baseline) * fraction,
      dueDate: addDays(goal.startDate, offset),
    };
  });
}

/**
 * For each remaining ISO week (Monday–Sunday) from the week of `today` (or of the start, if later)
 * to the week of the deadline: the value needed by the end of that week. Empty once the deadline
 * has passed.
 */
export function weeklyTargets(goal: Goal, today: string): WeeklyTarget[] {
  span(goal);
  if (today > goal.deadline) return [];
  const from = today > goal.startDate ? today : goal.startDate;
  const out: WeeklyTarget[] = [];
  for (let weekStart = isoWeekStart(from); weekStart <= goal.deadline; weekStart = addDays(weekStart, 7)) {
    const sunday = addDays(weekStart, 6);
    const weekEnd = sunday < goal.deadline ? sunday : goal.deadline;
    out.push({ weekStart, weekEnd, value: neededValue(goal, weekEnd) });
  }
  return out;
}
