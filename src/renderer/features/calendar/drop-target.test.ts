import { describe, expect, it } from 'vitest';
import { dropId, parseDropId, scheduleAfterDrop } from './drop-target';

describe('drop ids', () => {
  it('round-trips every kind of target', () => {
    for (const target of [
      { kind: 'day', day: '2026-12-01' },
      { kind: 'slot', day: '2026-12-01', hour: 7 },
      { kind: 'unscheduled' },
    ] as const) {
      expect(parseDropId(dropId(target))).toEqual(target);
    }
  });

  it('rejects anything else', () => {
    expect(parseDropId('post:abc')).toBeNull();
    expect(parseDropId('slot:2026-12-01:24')).toBeNull();
  });
});

describe('scheduleAfterDrop', () => {
  const zone = 'America/New_York';

  it('gives an unscheduled post the default local time on the day', () => {
    expect(scheduleAfterDrop(null, { kind: 'day', day: '2026-12-01' }, zone)).toBe('2026-12-01T14:00:00.000Z');
    expect(scheduleAfterDrop(null, { kind: 'day', day: '2026-12-01' }, zone, '18:30')).toBe('2026-12-01T23:30:00.000Z');
  });

  it('keeps the time of day when moving across the fall-back change', () => {
    const friday = '2026-10-30T13:00:00.000Z'; // 09:00 EDT
    expect(scheduleAfterDrop(friday, { kind: 'day', day: '2026-11-02' }, zone)).toBe('2026-11-02T14:00:00.000Z');
  });

  it('places into an hour slot keeping minutes, or at the full hour for a new post', () => {
    const at0945 = '2026-12-01T14:45:00.000Z';
    expect(scheduleAfterDrop(at0945, { kind: 'slot', day: '2026-12-02', hour: 16 }, zone)).toBe(
      '2026-12-02T21:45:00.000Z',
    );
    expect(scheduleAfterDrop(null, { kind: 'slot', day: '2026-12-02', hour: 16 }, zone)).toBe(
      '2026-12-02T21:00:00.000Z',
    );
  });

  it('says nothing changes on the same day, and unschedules on the side list', () => {
    const at = '2026-12-01T14:45:00Z';
    expect(scheduleAfterDrop(at, { kind: 'day', day: '2026-12-01' }, zone)).toBeUndefined();
    expect(scheduleAfterDrop(at, { kind: 'unscheduled' }, zone)).toBeNull();
    expect(scheduleAfterDrop(null, { kind: 'unscheduled' }, zone)).toBeUndefined();
  });
});
