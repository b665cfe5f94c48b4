import { describe, expect, it } from 'vitest';
import { decodeWav, decodeWavToMono16k, rmsLevel, int16ToFloat } from '../../../shared/audio';
import { speakWav } from './speech-fixtures.test-support';

describe('decoding espeak-ng speech', () => {
  it('turns espeak-ng 22.05 kHz output into 16 kHz mono of the same length and loudness', async () => {
    const wav = await speakWav('write a post about coffee for instagram');
    const { format, channels } = decodeWav(wav);
    expect(format.sampleRate).toBe(22_050);
    expect(format.channels).toBe(1);
    const pcm = decodeWavToMono16k(wav);
    const seconds = channels[0]!.length / 22_050;
    expect(Math.abs(pcm.length / 16_000 - seconds)).toBeLessThan(0.002);
    // Speech energy survives (the 8 kHz low-pass keeps nearly all of it).
    const before = rmsLevel(channels[0]!);
    const after = rmsLevel(int16ToFloat(pcm));
    expect(after / before).toBeGreaterThan(0.9);
    expect(after / before).toBeLessThan(1.05);
  });
});
