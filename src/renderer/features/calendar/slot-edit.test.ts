import { describe, expect, it } from 'vitest';
import { nextSlot, parseSlotTime, slotTime, sortSlots } from './slot-edit';

describe('slot times', () => {
  it('round-trips HH:MM', () => {
    expect(slotTime({ hour: 9, minute: 5 })).toBe('09:05');
    expect(parseSlotTime('17:30')).toEqual({ hour: 17, minute: 30 });
  });

  it.each(['', '9:00', '24:00', '12:60'])('rejects %j', (value) => {
    expect(parseSlotTime(value)).toBeNull();
  });
});

describe('sortSlots and nextSlot', () => {
  const slots = [
    { weekday: 4, hour: 9, minute: 0 },
    { weekday: 0, hour: 17, minute: 0 },
    { weekday: 0, hour: 9, minute: 0 },
  ];

  it('orders by weekday then time', () => {
    expect(sortSlots(slots).map(slotTime)).toEqual(['09:00', '17:00', '09:00']);
    expect(sortSlots(slots)[2]?.weekday).toBe(4);
  });

  it('adds the day after the last slot, wrapping Sunday to Monday', () => {
    expect(nextSlot(slots)).toEqual({ weekday: 5, hour: 9, minute: 0 });
    expect(nextSlot([{ weekday: 6, hour: 8, minute: 15 }])).toEqual({ weekday: 0, hour: 8, minute: 15 });
    expect(nextSlot([])).toEqual({ weekday: 0, hour: 9, minute: 0 });
  });
});
