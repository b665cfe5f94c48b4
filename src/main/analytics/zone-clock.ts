import { TZDate } from '@date-fns/tz';

/** Where an instant falls in the creator's week: local day, weekday (0 = Monday) and hour. */
export interface LocalSlot {
  day: string;
  weekday: number;
  hour: number;
}

const HOUR_MS = 3_600_000;
const QUARTER_MS = 900_000;
/** Quarter hours kept (about three years of them), so a long-lived clock stays small. */
const MAX_SLOTS = 100_000;

function slotAt(localMs: number): LocalSlot {
  const local = new Date(localMs);
  return Object.freeze({
    day: local.toISOString().slice(0, 10),
    weekday: (local.getUTCDay() + 6) % 7,
    hour: local.getUTCHours(),
  });
}

/**
 * Local calendar positions of UTC instants in one IANA zone, fast enough for thousands of rows per
 * dashboard query: the zone offset is looked up once per UTC hour (offsets only change on the hour
 * or half hour in practice) and the rest is integer arithmetic instead of Intl formatting per row.
 */
export class ZoneClock {
  private readonly offsets = new Map<number, number>();
  /** Local slot per UTC quarter hour (shared, frozen objects). */
  private readonly slots = new Map<number, LocalSlot>();

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
    const offset = this.offsetMinutes(ms);
    // With an offset in whole quarter hours, every instant of a UTC quarter hour falls in the same
    // local day, weekday and hour: compute the slot once per quarter hour (posts cluster on few).
    if (offset % 15 !== 0) return slotAt(ms + offset * 60_000);
    const key = Math.floor(ms / QUARTER_MS);
    let slot = this.slots.get(key);
    if (slot === undefined) {
      if (this.slots.size >= MAX_SLOTS) this.slots.clear();
      slot = slotAt(key * QUARTER_MS + offset * 60_000);
      this.slots.set(key, slot);
    }
    return slot;
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
