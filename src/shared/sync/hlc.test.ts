import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, HybridLogicalClock, isHlc, parseHlc } from './hlc';
import { hlcStringSchema } from '../sync-api/sync';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('HybridLogicalClock', () => {
  it('formats as the wire contract expects and parses back', () => {
    const clock = new HybridLogicalClock(A);
    const stamp = clock.send(1_700_000_000_123);
    expect(stamp).toBe(`001700000000123-00000-${A}`);
    expect(hlcStringSchema.safeParse(stamp).success).toBe(true);
    expect(parseHlc(stamp)).toEqual({ millis: 1_700_000_000_123, counter: 0, deviceId: A });
    expect(isHlc('nonsense')).toBe(false);
    expect(() => parseHlc('nonsense')).toThrow(/Not a Cadence HLC/);
  });

  it('stays monotonic when the wall clock stands still or goes backwards', () => {
    const clock = new HybridLogicalClock(A);
    const first = clock.send(5_000);
    const second = clock.send(5_000);
    const third = clock.send(4_000);
    expect(compareHlc(first, second)).toBe(-1);
    expect(compareHlc(second, third)).toBe(-1);
    expect(parseHlc(third)).toMatchObject({ millis: 5_000, counter: 2 });
  });

  it('absorbs a remote clock hours ahead without throwing, and reports the skew', () => {
    const clock = new HybridLogicalClock(A);
    clock.send(1_000_000);
    const remote = formatHlc({ millis: 1_000_000 + 3 * 3_600_000, counter: 7, deviceId: B });
    const { clock: after, skewMs } = clock.receive(remote, 1_000_000);
    expect(skewMs).toBe(3 * 3_600_000);
    expect(compareHlc(after, remote)).toBe(1);
    // Later local events still sort after what was received.
    expect(compareHlc(clock.send(1_000_001), remote)).toBe(1);
  });

  it('restores its last stamp so a restart never goes back in time', () => {
    const clock = new HybridLogicalClock(A);
    const last = clock.send(9_000);
    const restarted = new HybridLogicalClock(A, last);
    expect(compareHlc(restarted.send(1), last)).toBe(1);
  });

  it('borrows the next millisecond when the counter is full', () => {
    const clock = new HybridLogicalClock(A, formatHlc({ millis: 10, counter: 99_999, deviceId: A }));
    expect(parseHlc(clock.send(10))).toMatchObject({ millis: 11, counter: 0 });
  });

  it('refuses a device id that would not fit the wire format', () => {
    expect(() => new HybridLogicalClock('Laptop')).toThrow(/UUID/);
  });

  it('property: every stamp is greater than everything sent or received before it', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), now: fc.integer({ min: 0, max: 10_000_000 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        now: fc.integer({ min: 0, max: 10_000_000 }),
        millis: fc.integer({ min: 0, max: 20_000_000 }),
        counter: fc.integer({ min: 0, max: 99_999 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const clock = new HybridLogicalClock(A);
        let highest = '';
        for (const e of events) {
          if (e.kind === 'send') {
            const stamp = clock.send(e.now);
            expect(stamp > highest).toBe(true);
            highest = stamp;
          } else {
            const remote = formatHlc({ millis: e.millis, counter: e.counter, deviceId: B });
            const { clock: after } = clock.receive(remote, e.now);
            expect(after > highest && after > remote).toBe(true);
            highest = after;
          }
          expect(isHlc(highest)).toBe(true);
        }
      }),
    );
  });
});
