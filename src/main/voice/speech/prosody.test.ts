import { describe, expect, it } from 'vitest';
import { prosodyFor } from './prosody';

describe('prosodyFor', () => {
  it.each([
    ['neutral', 175, 50, { rate: 175, pitch: 50, range: 50 }],
    ['upbeat', 175, 50, { rate: 193, pitch: 58, range: 75 }],
    ['calm', 175, 50, { rate: 154, pitch: 44, range: 30 }],
    ['upbeat', 400, 95, { rate: 440, pitch: 99, range: 75 }],
    ['upbeat', 420, 95, { rate: 450, pitch: 99, range: 75 }],
    ['calm', 80, 3, { rate: 80, pitch: 0, range: 30 }],
  ] as const)('%s at rate %i, pitch %i', (tone, rate, pitch, expected) => {
    expect(prosodyFor(rate, pitch, tone)).toEqual(expected);
  });
});
