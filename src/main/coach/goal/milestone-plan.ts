import { milestonesFor, type Goal } from '../../analytics/math/milestones';

export const MILESTONE_FRACTIONS = [0.25, 0.5, 0.75, 1] as const;

export type PlannedMilestone = ReturnType<typeof milestonesFor>[number];

/** 25/50/75/100 % of the way from the baseline to the target, due where the straight path reaches them. */
export function planMilestones(goal: Goal): PlannedMilestone[] {
  return milestonesFor(goal, MILESTONE_FRACTIONS);
}

/** Whether `current` has reached a milestone's value, in the goal's direction (up unless the target is below the start). */
export function hasReached(current: number, value: number, baseline: number, target: number): boolean {
  return target >= baseline ? current >= value : current <= value;
}
