import { describe, expect, it } from 'vitest';
import { fitWithin, frameTime } from './media-file';

describe('video thumbnails', () => {
  it('takes the frame 1 s in, or mid-way through a short clip', () => {
    expect(frameTime(30)).toBe(1);
    expect(frameTime(0.5)).toBe(0.25);
    expect(frameTime(Number.NaN)).toBe(0);
    expect(frameTime(Infinity)).toBe(0);
  });

  it('scales the frame to fit, never up', () => {
    expect(fitWithin(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(fitWithin(1080, 1920, 640)).toEqual({ width: 360, height: 640 });
    expect(fitWithin(320, 240, 640)).toEqual({ width: 320, height: 240 });
  });
});
