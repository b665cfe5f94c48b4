import { describe, expect, it } from 'vitest';
import { decodeWav, decodeWavToMono16k, encodeWav } from './wav';

/** A WAV built by hand, for formats encodeWav does not write. */
function wav(options: {
  rate: number;
  channels: number;
  bits: number;
  float?: boolean;
  frames: number[][];
}): Uint8Array {
  const { rate, channels, bits, frames } = options;
  const width = bits / 8;
  const data = frames.length * channels * width;
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string): void => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, options.float ? 3 : 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels * width, true);
  view.setUint16(32, channels * width, true);
  view.setUint16(34, bits, true);
  ascii(36, 'data');
  // A streamed WAV's placeholder size: larger than the file.
  view.setUint32(40, 0x7fffffff, true);
  frames.flat().forEach((value, i) => {
    const at = 44 + i * width;
    if (options.float) view.setFloat32(at, value, true);
    else if (bits === 16) view.setInt16(at, Math.round(value * 32767), true);
    else if (bits === 8) view.setUint8(at, Math.round(value * 127 + 128));
  });
  return bytes;
}

describe('WAV', () => {
  it('round-trips 16 kHz mono 16-bit audio exactly', () => {
    const samples = Int16Array.from({ length: 1600 }, (_, i) => Math.round(Math.sin(i / 5) * 20_000));
    const bytes = encodeWav(samples, 16_000);
    expect(bytes.length).toBe(44 + 3200);
    const { format } = decodeWav(bytes);
    expect(format).toEqual({ format: 1, channels: 1, sampleRate: 16_000, bitsPerSample: 16 });
    expect([...decodeWavToMono16k(bytes)]).toEqual([...samples]);
  });

  it('decodes stereo float and 8-bit files with placeholder sizes to 16 kHz mono', () => {
    const frames = Array.from({ length: 4800 }, (_, i) => [Math.sin(i / 10) * 0.5, Math.sin(i / 10) * 0.5]);
    const stereoFloat = decodeWavToMono16k(wav({ rate: 48_000, channels: 2, bits: 32, float: true, frames }));
    expect(Math.abs(stereoFloat.length - 1600)).toBeLessThanOrEqual(1);
    const eightBit = decodeWavToMono16k(wav({ rate: 16_000, channels: 1, bits: 8, frames: [[0], [0.5], [-0.5]] }));
    expect(eightBit.length).toBe(3);
    expect(Math.abs(eightBit[1]! - 16_384)).toBeLessThan(200);
  });

  it('says what is wrong with a file that is not a usable WAV', () => {
    expect(() => decodeWav(new Uint8Array(50))).toThrow(/Not a WAV/);
    const adpcm = wav({ rate: 8000, channels: 1, bits: 16, frames: [[0]] });
    new DataView(adpcm.buffer).setUint16(20, 2, true);
    expect(() => decodeWav(adpcm)).toThrow(/Unsupported WAV encoding 2/);
  });
});
