import { describe, expect, it } from 'vitest';
import { endedInSilence, trimToSpeech } from './recognizer';

describe('trimToSpeech', () => {
  const pcm = Int16Array.from({ length: 16_000 }, (_, i) => i % 100);

  it('keeps from just before the first segment to just after the last, pauses included', () => {
    const trimmed = trimToSpeech(
      pcm,
      [
        { startMs: 200, endMs: 300 },
        { startMs: 500, endMs: 600 },
      ],
      50,
    );
    expect(trimmed.length).toBe((650 - 150) * 16);
    expect(trimmed[0]).toBe(pcm[150 * 16]);
  });

  it('clamps the padding to the audio and gives nothing for no speech', () => {
    expect(trimToSpeech(pcm, [{ startMs: 10, endMs: 990 }], 100).length).toBe(16_000);
    expect(trimToSpeech(pcm, [], 100).length).toBe(0);
  });
});

describe('endedInSilence', () => {
  it('is true only after speech followed by enough quiet', () => {
    expect(endedInSilence([], 5000, 800)).toBe(false);
    expect(endedInSilence([{ startMs: 100, endMs: 1000 }], 1500, 800)).toBe(false);
    expect(endedInSilence([{ startMs: 100, endMs: 1000 }], 1800, 800)).toBe(true);
  });
});
