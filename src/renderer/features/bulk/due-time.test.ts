import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './due-time';

describe('due time inputs', () => {
  it('shows an instant at the wall-clock time of the job zone', () => {
    expect(toLocalInput('2026-06-03T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-06-03T09:00');
    expect(toLocalInput('2026-01-07T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-01-07T09:00');
  });

  it('turns a local value back into the same instant', () => {
    expect(fromLocalInput('2026-06-03T09:00', 'Europe/Berlin')).toBe('2026-06-03T07:00:00.000Z');
    expect(fromLocalInput('2026-06-03T09:00', 'America/New_York')).toBe('2026-06-03T13:00:00.000Z');
  });

  it.each(['', '2026-06-03', '2026-06-03T9:00'])('rejects the incomplete value %j', (value) => {
    expect(fromLocalInput(value, 'Europe/Berlin')).toBeNull();
  });
});
