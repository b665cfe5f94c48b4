import { describe, expect, it } from 'vitest';
import { scheduledDay, scheduledText } from './scheduled-text';

describe('the scheduled line', () => {
  it('reads in the creator’s time zone', () => {
    expect(scheduledText('2026-12-01T09:00:00.000Z', 'UTC')).toBe('Scheduled for Tue, Dec 1 at 9:00');
    expect(scheduledText('2026-12-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('Scheduled for Wed, Dec 2 at 8:30');
    expect(scheduledDay('2026-12-01T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-12-02');
  });
});
