import type { AnalyticsRange } from '../../../shared/contract/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { type DayRange, presetRange, type RangePreset, rangeProblem } from './date-range';

/** The dashboard's filters as the user set them. */
export interface AnalyticsFilters {
  preset: RangePreset;
  /** The days of a custom range (kept when switching to a preset and back). */
  custom: DayRange;
  /** The chosen platforms; empty means all platforms. */
  platforms: Platform[];
}

/** The range the filters mean today, or the problem with a custom range. */
export function filtersRange(filters: AnalyticsFilters, today: string): { range: DayRange } | { problem: string } {
  const range = presetRange(filters.preset, today) ?? filters.custom;
  const problem = rangeProblem(range);
  return problem ? { problem } : { range };
}

/** The input of analytics:get-overview (and success factors): platforms left out for "all". */
export function filtersToInput(filters: AnalyticsFilters, today: string): AnalyticsRange | { problem: string } {
  const result = filtersRange(filters, today);
  if ('problem' in result) return result;
  return filters.platforms.length > 0 ? { ...result.range, platforms: [...filters.platforms] } : { ...result.range };
}

/** Adds or removes a platform, keeping the order the UI lists them in. */
export function togglePlatform(
  selected: readonly Platform[],
  platform: Platform,
  order: readonly Platform[],
): Platform[] {
  const next = selected.includes(platform) ? selected.filter((p) => p !== platform) : [...selected, platform];
  return order.filter((p) => next.includes(p));
}

/** The platforms worth offering as chips: the profile's, then any others seen in the data. */
export function platformChoices(
  profilePlatforms: readonly Platform[],
  seen: readonly Platform[],
  order: readonly Platform[],
): Platform[] {
  const wanted = new Set([...profilePlatforms, ...seen]);
  return order.filter((p) => wanted.has(p));
}
