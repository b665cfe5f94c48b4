import { describe, expect, it } from 'vitest';
import type { SpeechSegment, VoiceActivityDetector } from './recognition/recognizer';
import { mergeSegments, SpeechTracker } from './speech-tracker';

const MS = 16;

/**
 * A detector that hears "speech" wherever samples are not zero, reporting segments on the clock
 * of the audio it is given (as Silero does), and records every call. `hold` keeps calls waiting
 * until released, to see what happens while a pass is in flight.
 */
class FakeDetector implements VoiceActivityDetector {
  calls: Array<{ samples: number; pcm: Int16Array }> = [];
  active = 0;
  maxActive = 0;
  failWith: Error | null = null;
  hold = false;
  private waiting: Array<() => void> = [];

  state() {
    return { state: 'ready' as const, message: 'fake' };
  }

  async segments(pcm: Int16Array): Promise<SpeechSegment[]> {
    this.calls.push({ samples: pcm.length, pcm: pcm.slice() });
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.hold) await new Promise<void>((resolve) => this.waiting.push(resolve));
      else await Promise.resolve();
      if (this.failWith) throw this.failWith;
      return voiced(pcm);
    } finally {
      this.active -= 1;
    }
  }

  release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  async close() {}
}

function voiced(pcm: Int16Array): SpeechSegment[] {
  const out: SpeechSegment[] = [];
  let start = -1;
  for (let i = 0; i <= pcm.length; i++) {
    const on = i < pcm.length && pcm[i] !== 0;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.push({ startMs: start / MS, endMs: i / MS });
      start = -1;
    }
  }
  return out;
}

/** A recording of `totalMs` with speech (non-zero samples) in the given spans. */
function recording(totalMs: number, speech: Array<[number, number]>): Int16Array {
  const pcm = new Int16Array(totalMs * MS);
  for (const [from, to] of speech) pcm.fill(1000, from * MS, to * MS);
  return pcm;
}

/** Pushes the recording in 100 ms chunks, letting background passes run between them. */
async function capture(tracker: SpeechTracker, pcm: Int16Array): Promise<void> {
  for (let at = 0; at < pcm.length; at += 100 * MS) {
    void tracker.push(pcm.subarray(at, at + 100 * MS));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('mergeSegments', () => {
  it('joins overlapping, touching and contained segments and sorts them', () => {
    expect(
      mergeSegments([
        { startMs: 2000, endMs: 2500 },
        { startMs: 100, endMs: 400 },
        { startMs: 300, endMs: 700 },
        { startMs: 700, endMs: 900 },
        { startMs: 2100, endMs: 2200 },
        { startMs: 1000, endMs: 1100 },
      ]),
    ).toEqual([
      { startMs: 100, endMs: 900 },
      { startMs: 1000, endMs: 1100 },
      { startMs: 2000, endMs: 2500 },
    ]);
    expect(mergeSegments([])).toEqual([]);
  });

  it('leaves its input alone', () => {
    const input = [
      { startMs: 0, endMs: 10 },
      { startMs: 5, endMs: 20 },
    ];
    mergeSegments(input);
    expect(input).toEqual([
      { startMs: 0, endMs: 10 },
      { startMs: 5, endMs: 20 },
    ]);
  });
});

describe('SpeechTracker', () => {
  it('analyses each second with half a second of context, and only the tail at release', async () => {
    const vad = new FakeDetector();
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    await capture(tracker, recording(3_250, []));
    // Passes at 1 s (0–1 s), 2 s (0.5–2 s), 3 s (1.5–3 s), while the audio arrived.
    expect(vad.calls.map((c) => c.samples / MS)).toEqual([1000, 1500, 1500]);
    expect(tracker.analysedMs()).toBe(3000);
    expect(await tracker.finish()).toEqual([]);
    // At release: the last 250 ms plus the 500 ms before it.
    expect(vad.calls.at(-1)!.samples / MS).toBe(750);
  });

  it('moves each pass onto the recording clock and merges speech cut by a pass boundary', async () => {
    const vad = new FakeDetector();
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    // 0.8–1.3 s straddles the first boundary; 2.2–2.4 s and 3.1–3.6 s sit in later passes and the tail.
    const speech: Array<[number, number]> = [
      [800, 1300],
      [2200, 2400],
      [3100, 3600],
    ];
    await capture(tracker, recording(3_700, speech));
    expect(tracker.segments()).toEqual([
      { startMs: 800, endMs: 1300 },
      { startMs: 2200, endMs: 2400 },
    ]);
    expect(await tracker.finish()).toEqual(speech.map(([startMs, endMs]) => ({ startMs, endMs })));
  });

  it('finds the same speech however the recording is split', async () => {
    const speech: Array<[number, number]> = [
      [120, 480],
      [990, 1010],
      [1490, 2600],
      [4999, 5001],
    ];
    const pcm = recording(5_400, speech);
    for (const everyMs of [300, 700, 1000, 2500]) {
      const tracker = new SpeechTracker(new FakeDetector(), { everyMs, overlapMs: 500 });
      await capture(tracker, pcm);
      expect(await tracker.finish()).toEqual(speech.map(([startMs, endMs]) => ({ startMs, endMs })));
    }
  });

  it('runs one pass at a time and catches up on audio that arrived during a pass', async () => {
    const vad = new FakeDetector();
    vad.hold = true;
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    const pcm = recording(2_600, [[1700, 2500]]);
    await capture(tracker, pcm);
    // The first pass (at 1 s) is still waiting: nothing else started.
    expect(vad.calls.map((c) => c.samples / MS)).toEqual([1000]);
    const done = tracker.finish();
    vad.release();
    await new Promise((resolve) => setImmediate(resolve));
    // The catch-up pass over what arrived meanwhile (0.5–2.6 s), then nothing left for the tail.
    vad.release();
    vad.hold = false;
    expect(await done).toEqual([{ startMs: 1700, endMs: 2500 }]);
    expect(vad.calls.map((c) => c.samples / MS)).toEqual([1000, 2100]);
    expect(vad.maxActive).toBe(1);
  });

  it('analyses a recording shorter than a pass at release, whole', async () => {
    const vad = new FakeDetector();
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    await capture(tracker, recording(600, [[100, 300]]));
    expect(vad.calls).toEqual([]);
    expect(await tracker.finish()).toEqual([{ startMs: 100, endMs: 300 }]);
    expect(vad.calls.map((c) => c.samples / MS)).toEqual([600]);
  });

  it('cuts each pass out of the chunks exactly, across their edges', async () => {
    const vad = new FakeDetector();
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    // Every sample holds its own position, and chunks of 333 samples do not line up with passes.
    const pcm = new Int16Array(2_000 * MS).map((_, i) => i + 1);
    for (let at = 0; at < pcm.length; at += 333) void tracker.push(pcm.subarray(at, at + 333));
    await tracker.finish();
    // The pass starts when 1 s is waiting: at the 49th chunk (16 317 samples); the tail at release
    // goes from 500 ms before that to the end.
    expect(vad.calls.map((c) => c.samples)).toEqual([16_317, 32_000 - (16_317 - 500 * MS)]);
    expect(vad.calls[0]!.pcm).toEqual(pcm.slice(0, 16_317));
    expect(vad.calls[1]!.pcm).toEqual(pcm.slice(16_317 - 500 * MS));
  });

  it('stops at a detector failure, without an unhandled rejection, and reports it at release', async () => {
    const vad = new FakeDetector();
    vad.failWith = new Error('Silero could not run');
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    await capture(tracker, recording(2_500, [[100, 2000]]));
    expect(tracker.failed()).toBe(true);
    expect(vad.calls).toHaveLength(1);
    await expect(tracker.finish()).rejects.toThrow('Silero could not run');
    expect(vad.calls).toHaveLength(1);
  });

  it('starts no pass once closed', async () => {
    const vad = new FakeDetector();
    const tracker = new SpeechTracker(vad, { everyMs: 1000, overlapMs: 500 });
    tracker.close();
    await capture(tracker, recording(2_000, [[100, 1500]]));
    expect(vad.calls).toEqual([]);
  });
});
