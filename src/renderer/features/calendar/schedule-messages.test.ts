import { describe, expect, it } from 'vitest';
import { describeMove } from './schedule-messages';

describe('describeMove', () => {
  it('names the local day and time', () => {
    expect(describeMove('Launch', '2026-12-01T08:00:00.000Z', 'Europe/Berlin')).toBe(
      '“Launch” scheduled for Tue, Dec 1 at 9:00 AM',
    );
  });

  it('says when a post leaves the calendar', () => {
    expect(describeMove('Launch', null, 'UTC')).toBe('“Launch” moved to Unscheduled');
  });
});
