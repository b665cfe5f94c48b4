/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter plus the device id.
 * Its string form sorts in clock order, so the server and SQLite can compare stamps as text:
 * `<millis, 15 digits>-<counter, 5 digits>-<deviceId>` (see src/shared/sync-api/sync.ts).
 *
 * A remote stamp far in the future is never refused: the clock moves past it (that is what keeps
 * causality when a device's clock is wrong) and `receive` reports how far ahead it was.
 */

export interface HlcTimestamp {
  millis: number;
  counter: number;
  deviceId: string;
}

const MILLIS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const HLC_PATTERN = /^(\d{15})-(\d{5})-([0-9a-f-]{36})$/;

export function formatHlc(ts: HlcTimestamp): string {
  return `${String(ts.millis).padStart(MILLIS_DIGITS, '0')}-${String(ts.counter).padStart(COUNTER_DIGITS, '0')}-${ts.deviceId}`;
}

export function parseHlc(value: string): HlcTimestamp {
  const match = HLC_PATTERN.exec(value);
  if (!match) throw new Error(`Not a Cadence HLC timestamp: ${value}`);
  return { millis: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

/** Orders two stamps; the string form sorts identically. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReceiveResult {
  /** The clock after folding the remote stamp in (not a new event stamp). */
  clock: string;
  /** How far the remote stamp's wall time is ahead of ours (negative: behind). */
  skewMs: number;
}

export class HybridLogicalClock {
  private millis: number;
  private counter: number;

  /** `last` restores a persisted clock so stamps stay monotonic across restarts. */
  constructor(
    readonly deviceId: string,
    last?: string | null,
  ) {
    if (!/^[0-9a-f-]{36}$/.test(deviceId)) throw new Error(`HLC device id must be a lowercase UUID: ${deviceId}`);
    const restored = last ? parseHlc(last) : null;
    this.millis = restored?.millis ?? 0;
    this.counter = restored?.counter ?? 0;
  }

  /** A new stamp for a local event that happened at wall time `now`. */
  send(now: number): string {
    const wall = Math.max(0, Math.floor(now));
    if (wall > this.millis) {
      this.millis = wall;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return this.current();
  }

  /** Folds a remote stamp into the clock so later local stamps sort after it. */
  receive(remote: string, now: number): ReceiveResult {
    const theirs = parseHlc(remote);
    const wall = Math.max(0, Math.floor(now));
    const skewMs = theirs.millis - wall;
    const top = Math.max(this.millis, theirs.millis, wall);
    if (top === this.millis && top === theirs.millis) {
      this.counter = Math.max(this.counter, theirs.counter);
      this.bumpCounter();
    } else if (top === this.millis) {
      this.bumpCounter();
    } else if (top === theirs.millis) {
      this.millis = top;
      this.counter = theirs.counter;
      this.bumpCounter();
    } else {
      this.millis = top;
      this.counter = 0;
    }
    return { clock: this.current(), skewMs };
  }

  current(): string {
    return formatHlc({ millis: this.millis, counter: this.counter, deviceId: this.deviceId });
  }

  // A full counter borrows the next millisecond rather than wrapping: the order must never break.
  private bumpCounter(): void {
    if (this.counter >= MAX_COUNTER) {
      this.millis += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
