import { describe, expect, it } from 'vitest';
import { rmsLevel } from './level';
import { StreamingResampler } from './streaming-resampler';

function tone(hz: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

/** Resamples in 128-sample blocks, as an AudioWorklet delivers them. */
function inBlocks(resampler: StreamingResampler, input: Float32Array, block = 128): Float32Array {
  const parts: number[] = [];
  for (let at = 0; at < input.length; at += block) parts.push(...resampler.push(input.subarray(at, at + block)));
  parts.push(...resampler.flush());
  return Float32Array.from(parts);
}

/** The middle of a signal, away from the filter's start-up and tail. */
const middle = (samples: Float32Array): Float32Array =>
  samples.subarray(Math.floor(samples.length * 0.2), Math.floor(samples.length * 0.8));

describe('StreamingResampler', () => {
  it('48 kHz → 16 kHz keeps a 440 Hz tone at its level and frequency', () => {
    const out = inBlocks(new StreamingResampler(48_000, 16_000), tone(440, 48_000, 1));
    expect(Math.abs(out.length - 16_000)).toBeLessThanOrEqual(1);
    // A 0.5-amplitude sine has RMS 0.354.
    expect(rmsLevel(middle(out))).toBeCloseTo(0.3536, 2);
    // Zero crossings give the frequency: 2 per cycle.
    const mid = middle(out);
    let crossings = 0;
    for (let i = 1; i < mid.length; i += 1) if (mid[i - 1]! < 0 !== mid[i]! < 0) crossings += 1;
    const hz = crossings / 2 / (mid.length / 16_000);
    expect(Math.abs(hz - 440)).toBeLessThan(3);
  });

  it('48 kHz → 16 kHz removes a 12 kHz tone instead of folding it to 4 kHz', () => {
    const out = inBlocks(new StreamingResampler(48_000, 16_000), tone(12_000, 48_000, 1));
    // Below -50 dB of the input's 0.354.
    expect(rmsLevel(middle(out))).toBeLessThan(0.001);
  });

  it('gives the same samples whether the input comes in one piece or in blocks', () => {
    const input = tone(440, 44_100, 0.3);
    const whole = new StreamingResampler(44_100, 16_000);
    const oneShot = Float32Array.from([...whole.push(input), ...whole.flush()]);
    const blocks = inBlocks(new StreamingResampler(44_100, 16_000), input, 97);
    expect(blocks.length).toBe(oneShot.length);
    for (let i = 0; i < oneShot.length; i += 1) expect(blocks[i]).toBeCloseTo(oneShot[i]!, 5);
    expect(Math.abs(oneShot.length - Math.round((input.length * 16_000) / 44_100))).toBeLessThanOrEqual(1);
  });

  it('passes audio through when the rates match and refuses nonsense rates', () => {
    const input = tone(440, 16_000, 0.01);
    expect(new StreamingResampler(16_000, 16_000).push(input)).toEqual(input);
    expect(() => new StreamingResampler(0, 16_000)).toThrow(/positive whole numbers/);
  });
});
