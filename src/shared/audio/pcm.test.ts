import { describe, expect, it } from 'vitest';
import { downmix } from './downmix';
import { rmsLevel } from './level';
import { base64ToBytes, base64ToInt16, bytesToBase64, floatToInt16, int16ToBase64 } from './pcm';

/** The platform's own base64 (btoa, in browsers and Node) as the reference. */
const reference = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

describe('PCM helpers', () => {
  it('converts float to 16-bit with clipping at full scale', () => {
    expect([...floatToInt16(Float32Array.from([0, 1, -1, 2, -2, 0.5]))]).toEqual([
      0, 32767, -32768, 32767, -32768, 16384,
    ]);
  });

  it('round-trips 16-bit audio through base64 as little-endian bytes', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 12345, -54]);
    const text = int16ToBase64(samples);
    expect(text).toBe(reference(new Uint8Array(samples.buffer)));
    expect([...base64ToInt16(text)]).toEqual([...samples]);
  });

  it('matches Node for every base64 padding case and rejects bad input', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      const text = bytesToBase64(bytes);
      expect(text).toBe(reference(bytes));
      expect([...base64ToBytes(text)]).toEqual([...bytes]);
    }
    expect(() => base64ToBytes('ab!d')).toThrow(/base64/);
    expect(() => base64ToInt16('AA==')).toThrow(/even number/);
  });

  it('downmixes channels by averaging and measures level', () => {
    const mono = downmix([Float32Array.from([1, 0, 0.5]), Float32Array.from([0, 0, 0.5, 9])]);
    expect([...mono]).toEqual([0.5, 0, 0.5]);
    expect(rmsLevel(new Float32Array(10))).toBe(0);
    expect(rmsLevel(Float32Array.from([1, -1, 1, -1]))).toBe(1);
    expect(rmsLevel(Float32Array.from([3, -3]))).toBe(1);
  });
});
