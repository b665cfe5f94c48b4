/** Wall-clock ↔ instant in an IANA time zone, DST-aware, with nothing but Intl. */

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock & { second: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes east of UTC in `timeZone` at `instant` (e.g. -300 for New York in winter). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in `timeZone` names. In the spring-forward gap (02:30 that never
 * happens) it lands an hour later, as clocks do; in the autumn overlap it takes the first (summer) one.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetMinutesAt(new Date(asUtc - 12 * 3_600_000), timeZone);
  const after = offsetMinutesAt(new Date(asUtc + 12 * 3_600_000), timeZone);
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = new Date(asUtc - offset * 60_000);
    if (offsetMinutesAt(candidate, timeZone) === offset) {
      const back = wallClockAt(candidate, timeZone);
      if (back.hour === wall.hour && back.minute === wall.minute) return candidate;
    }
  }
  // In the gap: no offset reproduces the wall time; the pre-transition offset moves it forward.
  return new Date(asUtc - before * 60_000);
}

/** ISO 8601 with the zone's offset at that instant: "2025-03-10T09:00:00-04:00". */
export function isoInZone(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const offset = offsetMinutesAt(instant, timeZone);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The calendar day after `wall`'s. */
export function nextDay(wall: WallClock): WallClock {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
