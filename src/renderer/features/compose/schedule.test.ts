import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './schedule';

describe('publish time in the profile time zone', () => {
  it('shows a UTC instant as wall-clock time in the zone', () => {
    expect(isoToLocalInput('2026-11-25T08:00:00.000Z', 'Europe/Paris')).toBe('2026-11-25T09:00');
    expect(isoToLocalInput('2026-07-01T08:00:00.000Z', 'America/New_York')).toBe('2026-07-01T04:00');
    expect(isoToLocalInput(null, 'UTC')).toBe('');
  });

  it('reads wall-clock time in the zone back to UTC', () => {
    expect(localInputToIso('2026-11-25T09:00', 'Europe/Paris')).toBe('2026-11-25T08:00:00.000Z');
    expect(localInputToIso('2026-07-01T04:00', 'America/New_York')).toBe('2026-07-01T08:00:00.000Z');
    expect(localInputToIso('', 'UTC')).toBeNull();
  });
});
