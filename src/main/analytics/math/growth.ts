/** One observation of a level (followers, cumulative views...) on a calendar day, YYYY-MM-DD. */
export interface DailyPoint {
  date: string;
  value: number;
}

export interface Growth {
  /** The value used as the start, and the day it was observed (may be after fromDate, see growth()). */
  start: number;
  startDate: string;
  end: number;
  endDate: string;
  absolute: number;
  /** Percent (12.5 = +12.5 %), null when the start is 0. */
  percent: number | null;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/**
 * Calendar-day arithmetic on YYYY-MM-DD strings. Done in UTC on purpose: a calendar day has no time
 * zone, so daylight-saving shifts can never make a day 23 or 25 hours long here.
 */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

function sorted(series: readonly DailyPoint[]): DailyPoint[] {
  return [...series].sort((a, b) => daysBetween(b.date, a.date));
}

function lastOnOrBefore(points: readonly DailyPoint[], date: string): DailyPoint | undefined {
  return points.findLast((p) => p.date <= date);
}

/**
 * Growth between two days, using the last value observed on or before each day, so a missing sync
 * on the exact day does not hide the growth. When tracking began after `fromDate`, the first
 * observation is used as the start and `startDate` says so (the UI can then say "since March 3").
 * Null when nothing was observed on or before `toDate`.
 */
export function growth(series: readonly DailyPoint[], fromDate: string, toDate: string): Growth | null {
  const points = sorted(series);
  const end = lastOnOrBefore(points, toDate);
  if (!end) return null;
  const start = lastOnOrBefore(points, fromDate) ?? points[0] ?? end;
  const absolute = end.value - start.value;
  return {
    start: start.value,
    startDate: start.date,
    end: end.value,
    endDate: end.date,
    absolute,
    percent: start.value === 0 ? null : (absolute / Math.abs(start.value)) * 100,
  };
}

/**
 * Change per day between consecutive observations. A gap of k days (a missed sync) becomes k equal
 * daily changes, so catching up after a gap does not look like a one-day spike to anomaly detection.
 */
export function dailyChanges(series: readonly DailyPoint[]): DailyPoint[] {
  const points = sorted(series);
  const out: DailyPoint[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1] as DailyPoint;
    const cur = points[i] as DailyPoint;
    const gap = daysBetween(prev.date, cur.date);
    if (gap <= 0) continue;
    const perDay = (cur.value - prev.value) / gap;
    for (let d = 1; d <= gap; d++) out.push({ date: addDays(prev.date, d), value: perDay });
  }
  return out;
}

/**
 * One value per day from `fromDate` to `toDate` inclusive, carrying the last observation forward
 * (a level such as followers stays where it was until the next sync). Days before the first
 * observation are left out rather than invented.
 */
export function fillForward(series: readonly DailyPoint[], fromDate: string, toDate: string): DailyPoint[] {
  const points = sorted(series);
  const out: DailyPoint[] = [];
  let j = 0;
  let last: DailyPoint | undefined;
  for (let day = fromDate; day <= toDate; day = addDays(day, 1)) {
    while (j < points.length && (points[j] as DailyPoint).date <= day) last = points[j++];
    if (last) out.push({ date: day, value: last.value });
  }
  return out;
}
