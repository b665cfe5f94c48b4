import { GOAL_METRICS, WEEKDAYS, type Profile } from '../../../shared/domain/profile';
import type { Platform } from '../../../shared/domain/platform';
import type { GoalMetric } from '../../ui/goals';

export type Weekday = (typeof WEEKDAYS)[number];

/** What the form holds: numbers stay text while typed, so nothing typed is ever rewritten. */
export interface ProfileFormValues {
  name: string;
  niche: string;
  platforms: Platform[];
  timezone: string;
  metric: GoalMetric;
  target: string;
  deadline: string;
  postsPerWeek: string;
  days: Weekday[];
}

export const WEEKDAY_LABELS: Record<Weekday, { short: string; long: string }> = {
  mon: { short: 'Mon', long: 'Monday' },
  tue: { short: 'Tue', long: 'Tuesday' },
  wed: { short: 'Wed', long: 'Wednesday' },
  thu: { short: 'Thu', long: 'Thursday' },
  fri: { short: 'Fri', long: 'Friday' },
  sat: { short: 'Sat', long: 'Saturday' },
  sun: { short: 'Sun', long: 'Sunday' },
};

export const ALL_WEEKDAYS: readonly Weekday[] = WEEKDAYS;
export const ALL_METRICS: readonly GoalMetric[] = GOAL_METRICS;

/** The system's time zone, or UTC when the runtime does not say. */
export function systemTimezone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** YYYY-MM-DD `days` after `from` (calendar arithmetic in UTC, no DST surprises). */
export function addDays(from: string, days: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function emptyProfileForm(timezone: string, today: string): ProfileFormValues {
  return {
    name: '',
    niche: '',
    platforms: [],
    timezone,
    metric: 'followers',
    target: '',
    deadline: addDays(today, 90),
    postsPerWeek: '3',
    days: ['mon', 'wed', 'fri'],
  };
}

export function profileToForm(profile: Profile): ProfileFormValues {
  return {
    name: profile.name,
    niche: profile.niche,
    platforms: [...profile.platforms],
    timezone: profile.timezone,
    metric: profile.goal.metric,
    target: String(profile.goal.target),
    deadline: profile.goal.deadline,
    postsPerWeek: String(profile.cadence.postsPerWeek),
    days: [...profile.cadence.days],
  };
}

/** Text to number; blank or junk becomes NaN so the server reports it as "must be a number". */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(/,/g, '');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The profile to send. Lists keep the canonical order whatever order they were clicked in. */
export function formToProfile(values: ProfileFormValues, platformOrder: readonly Platform[]): Profile {
  return {
    name: values.name.trim(),
    niche: values.niche.trim(),
    platforms: platformOrder.filter((platform) => values.platforms.includes(platform)),
    timezone: values.timezone,
    goal: { metric: values.metric, target: parseNumber(values.target), deadline: values.deadline },
    cadence: {
      postsPerWeek: parseNumber(values.postsPerWeek),
      days: ALL_WEEKDAYS.filter((day) => values.days.includes(day)),
    },
  };
}

/** Adds or removes one item of a list, keeping the others. */
export function toggleItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}
