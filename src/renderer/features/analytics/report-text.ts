import { REPORT_METRIC_LABELS, type ReportSection } from '../../../shared/contract/reports';
import type { Weekday } from './report-weekdays';

export const METRIC_LABELS = REPORT_METRIC_LABELS;

export const SECTION_LABELS: Record<ReportSection, string> = {
  totals: 'Totals',
  followers_growth: 'Follower growth',
  engagement_by_platform: 'Engagement by platform',
  top_posts: 'Top posts',
  bottom_posts: 'Bottom posts',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** "08:00" for an hour of the day. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The schedule in one sentence: "Every Monday at 08:00 (Europe/Paris)" or "Off". */
export function scheduleSentence(
  schedule: { enabled: boolean; weekday: Weekday; hour: number },
  timezone?: string,
): string {
  if (!schedule.enabled) return 'Off: weekly reports are made only when you ask.';
  const zone = timezone ? ` (${timezone})` : '';
  return `Every ${WEEKDAY_LABELS[schedule.weekday]} at ${hourLabel(schedule.hour)}${zone}.`;
}

/** Adds or removes a value, keeping the order of `all`. */
export function toggleIn<T extends string>(selected: readonly T[], value: T, all: readonly T[]): T[] {
  const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
  return all.filter((v) => next.includes(v));
}
