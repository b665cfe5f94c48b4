import { TZDate } from '@date-fns/tz';

/** Where an instant falls in the creator's week: local day, weekday (0 = Monday) and hour. */
export interface LocalSlot {
  day: string;
  weekday: number;
  hour: number;
}

const HOUR_MS = 3_600_000;

/**
 * Local calendar positions of UTC instants in one IANA zone, fast enough for thousands of rows per
 * dashboard query: the zone offset is looked up once per UTC hour (offsets only change on the hour
 * or half hour in practice) and the rest is integer arithmetic instead of Intl formatting per row.
 */
export class ZoneClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timezone: string) {}

  /** Minutes to add to UTC to get local wall time at this instant. */
  private offsetMinutes(ms: number): number {
    const hourKey = Math.floor(ms / HOUR_MS);
    let offset = this.offsets.get(hourKey);
    if (offset === undefined) {
      offset = -new TZDate(ms, this.timezone).getTimezoneOffset();
      this.offsets.set(hourKey, offset);
    }
    return offset;
  }

  slot(iso: string): LocalSlot {
    const ms = Date.parse(iso);
    const local = new Date(ms + this.offsetMinutes(ms) * 60_000);
    return {
      day: local.toISOString().slice(0, 10),
      weekday: (local.getUTCDay() + 6) % 7,
      hour: local.getUTCHours(),
    };
  }

  day(iso: string): string {
    return this.slot(iso).day;
  }

  /** The UTC instant (ISO, with milliseconds) at which a local YYYY-MM-DD day begins. */
  startOfDay(day: string): string {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(new TZDate(y, m - 1, d, 0, 0, 0, this.timezone).getTime()).toISOString();
  }

  /** Today's local date. */
  today(now: Date): string {
    return this.day(now.toISOString());
  }
}
