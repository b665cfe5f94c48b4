import { type WhisperVadContext, initWhisperVad } from '@fugood/whisper.node';

/** Silero through whisper.cpp: segments come back in centiseconds. */
const CENTISECOND_MS = 10;

/** Holds the Silero VAD context, loaded once per model file and kept for every utterance. */
export class VadHost {
  loads = 0;
  private current: { path: string; ctx: WhisperVadContext } | null = null;

  async segments(modelPath: string, pcm: Int16Array): Promise<Array<{ startMs: number; endMs: number }>> {
    const ctx = await this.load(modelPath);
    // Copy into a buffer of exactly this audio: the Int16Array may be a view on a larger one.
    const segments = await ctx.detectSpeechData(pcm.slice().buffer, {});
    return segments.map((segment) => ({ startMs: segment.t0 * CENTISECOND_MS, endMs: segment.t1 * CENTISECOND_MS }));
  }

  private async load(path: string): Promise<WhisperVadContext> {
    if (this.current?.path === path) return this.current.ctx;
    await this.current?.ctx.release();
    this.current = null;
    const ctx = await initWhisperVad({ filePath: path, useGpu: false });
    this.loads += 1;
    this.current = { path, ctx };
    return ctx;
  }
}
