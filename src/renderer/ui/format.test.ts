import { describe, expect, it } from 'vitest';
import { formatBytes, formatCalendarDate, formatRelative, todayIn } from './format';

describe('formatters', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(250 * 1024)).toBe('250 KB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('formats calendar dates without shifting the day', () => {
    expect(formatCalendarDate('2027-03-31', 'en-US')).toBe('Mar 31, 2027');
  });

  it('describes times relative to now', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(formatRelative('2026-11-25T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-11-27T12:00:00Z', now, 'en')).toBe('in 2 days');
  });

  it('gives today in a zone', () => {
    expect(todayIn('Asia/Tokyo', new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-26');
  });
});
