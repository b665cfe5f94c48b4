import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/** The date-range presets the dashboard and custom reports offer. */
export const RANGE_PRESETS = ['7d', '30d', '90d', '1y', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Record<RangePreset, string> = {
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
  '1y': '1 year',
  custom: 'Custom',
};

const PRESET_DAYS: Record<Exclude<RangePreset, 'custom'>, number> = { '7d': 7, '30d': 30, '90d': 90, '1y': 365 };

/** Calendar days (YYYY-MM-DD in the creator's time zone), both ends included. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The last N days ending `today` (today included) for a preset; null for "custom". */
export function presetRange(preset: RangePreset, today: string): DayRange | null {
  if (preset === 'custom') return null;
  const from = addDays(parseISO(today), -(PRESET_DAYS[preset] - 1));
  return { from: format(from, 'yyyy-MM-dd'), to: today };
}

/** What is wrong with a range, or null: both days given, and the start not after the end. */
export function rangeProblem(range: DayRange): string | null {
  if (!DAY.test(range.from) || !DAY.test(range.to)) return 'Pick a start and an end day';
  if (range.from > range.to) return 'The start must be on or before the end';
  return null;
}

/** How many calendar days a valid range spans, both ends included. */
export function rangeLength(range: DayRange): number {
  return differenceInCalendarDays(parseISO(range.to), parseISO(range.from)) + 1;
}
