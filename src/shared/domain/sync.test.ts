import { describe, expect, it } from 'vitest';
import { describeClockSkew } from './sync';

describe('describeClockSkew', () => {
  it('stays quiet within five minutes either way', () => {
    expect(describeClockSkew(null)).toBeNull();
    expect(describeClockSkew(0)).toBeNull();
    expect(describeClockSkew(4 * 60_000)).toBeNull();
    expect(describeClockSkew(-4 * 60_000)).toBeNull();
  });

  it('says how far off the clock is, which way, and how to fix it', () => {
    expect(describeClockSkew(3 * 3_600_000)).toBe(
      "This computer's clock is about 3 hours ahead of the sync server. Sync still works, but set the clock automatically (date and time settings) so edit times stay right.",
    );
    expect(describeClockSkew(-10 * 60_000)).toMatch(/about 10 minutes behind the sync server/);
  });
});
