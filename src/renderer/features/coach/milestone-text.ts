import type { GoalStatus, Milestone } from '../../../shared/domain/coach';
import { formatCalendarDate } from '../../ui/format';
import { formatGoalValue, type GoalUnit } from './goal-text';

/** "25 %", "50 %" of the way from the baseline to the target. */
export function fractionText(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** The celebration line: "You reached 50 % of your goal!", or the goal itself at 100 %. */
export function celebrationText(milestone: Pick<Milestone, 'fraction'>): string {
  return milestone.fraction >= 1
    ? 'You reached your goal!'
    : `You reached ${fractionText(milestone.fraction)} of your goal!`;
}

/** The calendar day of an instant in the creator's zone: "Mar 3, 2027". */
export function formatInstantDay(iso: string, timeZone?: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

export interface MilestoneRow {
  id: number;
  /** "50 % · 3,500" */
  label: string;
  state: 'reached' | 'next' | 'later';
  /** "Reached Mar 3, 2027" / "Due Apr 30, 2027". */
  when: string;
}

/** The milestones in order, the first unreached one marked as next. */
export function milestoneRows(milestones: readonly Milestone[], unit: GoalUnit, timeZone?: string): MilestoneRow[] {
  const sorted = [...milestones].sort((a, b) => a.fraction - b.fraction);
  const nextId = sorted.find((m) => m.reachedAt === null)?.id;
  return sorted.map((m) => ({
    id: m.id,
    label: `${fractionText(m.fraction)} · ${formatGoalValue(m.value, unit)}`,
    state: m.reachedAt !== null ? 'reached' : m.id === nextId ? 'next' : 'later',
    when:
      m.reachedAt !== null
        ? `Reached ${formatInstantDay(m.reachedAt, timeZone)}`
        : `Due ${formatCalendarDate(m.dueDate)}`,
  }));
}

/** "3 weeks in a row (best: 5)", or how to start one. */
export function streakText(streak: GoalStatus['streak']): string {
  const weeks = (n: number) => `${n} week${n === 1 ? '' : 's'}`;
  if (streak.current === 0) {
    return streak.best > 0 ? `No streak right now (best: ${weeks(streak.best)})` : 'No streak yet';
  }
  return `${weeks(streak.current)} in a row (best: ${weeks(streak.best)})`;
}

/** "2 of 3 posts published this week". */
export function thisWeekText(streak: GoalStatus['streak']): string {
  const { published, target } = streak.thisWeek;
  return `${published} of ${target} post${target === 1 ? '' : 's'} published this week`;
}
