import type { SpeechSegment, VoiceActivityDetector } from './recognition/recognizer';

const SAMPLES_PER_MS = 16;
/** A hold-mode recording is analysed each time about this much new audio has arrived. */
export const ANALYSE_EVERY_MS = 1_000;
/**
 * Audio before the new part that each analysis sees again: Silero starts every call cold, and
 * drops speech shorter than its minimum, so a word cut at the previous window's end is seen whole.
 */
export const OVERLAP_MS = 500;

/**
 * Speech found so far in a recording, analysed while it is captured so that little is left to do
 * at release: each time `everyMs` of new audio is waiting, the detector runs (one pass at a time,
 * in the background) over it plus `overlapMs` of audio before it, and its segments, moved to the
 * recording's clock, are merged into the list. `finish()` analyses the rest.
 *
 * A detector failure stops the analysis and is rethrown by `finish()`, so the caller falls back
 * as it would had the detector failed at release.
 */
export class SpeechTracker {
  private chunks: Int16Array[] = [];
  /** Recording position of chunks[0]'s first sample (older chunks are let go once analysed). */
  private base = 0;
  private samples = 0;
  private analysed = 0;
  private merged: SpeechSegment[] = [];
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  private closed = false;

  constructor(
    private readonly vad: VoiceActivityDetector,
    private readonly options: { everyMs: number; overlapMs: number } = {
      everyMs: ANALYSE_EVERY_MS,
      overlapMs: OVERLAP_MS,
    },
  ) {}

  /**
   * Adds captured audio (kept by reference, not copied). Resolves when the analysis this audio
   * started or joined is done; it never rejects (a failure waits for `finish()`).
   */
  push(pcm: Int16Array): Promise<void> {
    if (pcm.length > 0) {
      this.chunks.push(pcm);
      this.samples += pcm.length;
    }
    if (!this.running && this.due()) {
      this.running = this.pump().finally(() => {
        this.running = null;
      });
    }
    return this.running ?? Promise.resolve();
  }

  /** The speech found so far, in order, overlapping and touching segments merged. */
  segments(): SpeechSegment[] {
    return this.merged.map((s) => ({ ...s }));
  }

  /** How much of the recording the segments cover. */
  analysedMs(): number {
    return this.analysed / SAMPLES_PER_MS;
  }

  /** Whether a failed analysis has stopped the tracking. */
  failed(): boolean {
    return this.failure !== null;
  }

  /**
   * Every speech segment of the recording: waits for an analysis in flight, then analyses the
   * audio not yet seen (with the overlap). Throws the detector's error if any analysis failed.
   */
  async finish(): Promise<SpeechSegment[]> {
    await this.running;
    if (this.failure === null && this.samples > this.analysed) await this.analyse(this.samples);
    if (this.failure !== null) throw this.failure;
    return this.segments();
  }

  /** The recording was dropped: no new analysis starts (one in flight finishes, unused). */
  close(): void {
    this.closed = true;
    this.chunks = [];
  }

  private due(): boolean {
    return (
      !this.closed && this.failure === null && this.samples - this.analysed >= this.options.everyMs * SAMPLES_PER_MS
    );
  }

  private async pump(): Promise<void> {
    // Audio that arrived during a pass is analysed next, so passes never overlap.
    while (this.due()) await this.analyse(this.samples);
  }

  private async analyse(to: number): Promise<void> {
    const from = Math.max(0, this.analysed - this.options.overlapMs * SAMPLES_PER_MS);
    try {
      const found = await this.vad.segments(this.range(from, to));
      if (this.closed) return;
      const offsetMs = from / SAMPLES_PER_MS;
      this.merged = mergeSegments([
        ...this.merged,
        ...found.map((s) => ({ startMs: s.startMs + offsetMs, endMs: s.endMs + offsetMs })),
      ]);
      this.analysed = to;
      this.release(to - this.options.overlapMs * SAMPLES_PER_MS);
    } catch (error) {
      this.failure = error;
    }
  }

  /** The recording's samples [from, to) as one array. */
  private range(from: number, to: number): Int16Array {
    const out = new Int16Array(to - from);
    let at = this.base;
    for (const chunk of this.chunks) {
      const end = at + chunk.length;
      if (end > from && at < to) {
        const part = chunk.subarray(Math.max(0, from - at), Math.min(chunk.length, to - at));
        out.set(part, Math.max(0, at - from));
      }
      at = end;
      if (at >= to) break;
    }
    return out;
  }

  /** Lets go of chunks wholly before `keepFrom`: no later analysis reaches back that far. */
  private release(keepFrom: number): void {
    while (this.chunks.length > 0 && this.base + this.chunks[0]!.length <= keepFrom) {
      this.base += this.chunks.shift()!.length;
    }
  }
}

/** The union of the segments: sorted, with overlapping or touching ones joined. */
export function mergeSegments(segments: readonly SpeechSegment[]): SpeechSegment[] {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const out: SpeechSegment[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else out.push({ startMs: s.startMs, endMs: s.endMs });
  }
  return out;
}
