import { int16ToBase64 } from '../../../shared/audio/pcm';
import type { CommandContext } from '../../../shared/contract/voice';
import type { VoiceCommand } from '../../../shared/domain/voice';
import type { Microphone, MicrophoneOptions } from './microphone';

/** The core calls an utterance makes, and the microphone; injected so the flow is testable without either. */
export interface CaptureDeps {
  begin(input: {
    source: 'button' | 'hotkey';
    mode: 'hold' | 'toggle';
    context: CommandContext;
  }): Promise<{ utteranceId: string; maxSeconds: number }>;
  push(input: {
    utteranceId: string;
    seq: number;
    pcm: string;
  }): Promise<{ receivedMs: number; endOfSpeech: boolean; limitReached: boolean }>;
  end(input: { utteranceId: string }): Promise<VoiceCommand>;
  cancel(input: { utteranceId: string }): Promise<unknown>;
  openMicrophone(options: MicrophoneOptions): Promise<Microphone>;
  /** Timers, so tests can run the max-length guard without waiting. */
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type CapturePhase = 'idle' | 'starting' | 'listening' | 'processing';

export interface CaptureListener {
  phase(phase: CapturePhase): void;
  level(level: number): void;
  /** The recording ended by itself (silence in toggle mode, or the maximum length). */
  autoStopped(reason: 'silence' | 'limit'): void;
}

export interface StartOptions {
  source: 'button' | 'hotkey';
  mode: 'hold' | 'toggle';
  context: CommandContext;
  deviceId: string | null;
}

/** The client-side guard waits a little past the core's own limit, which normally ends it first. */
const LIMIT_GRACE_MS = 1_500;

/**
 * One utterance at a time: begin (and open the microphone) on press, stream ~100 ms chunks in seq
 * order while held, and on release flush the microphone, wait for every chunk, then `voice:end`.
 * Chunks that arrive before `voice:begin` answers wait in the same ordered queue, so the first
 * syllable is never lost to the round trip.
 */
export class CaptureSession {
  private phase: CapturePhase = 'idle';
  private utteranceId: string | null = null;
  private microphone: Microphone | null = null;
  private starting: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The utterance id as soon as voice:begin answers (before the microphone may be open). */
  private began: Promise<string> | null = null;
  private seq = 0;
  private failure: unknown = null;
  private limitTimer: unknown = null;
  private stopping: Promise<VoiceCommand | null> | null = null;
  private generation = 0;

  constructor(
    private readonly deps: CaptureDeps,
    private readonly listener: CaptureListener,
  ) {}

  get current(): CapturePhase {
    return this.phase;
  }

  get deviceId(): string | null {
    return this.microphone?.deviceId ?? null;
  }

  /** Starts listening; rejects (back to idle) when the microphone or the core refuses. */
  start(options: StartOptions): Promise<void> {
    if (this.phase !== 'idle') return this.starting ?? Promise.resolve();
    const generation = ++this.generation;
    this.reset();
    this.setPhase('starting');
    const began = this.deps.begin({ source: options.source, mode: options.mode, context: options.context });
    // Chunks queue behind begin: they are sent once the utterance id is known.
    this.began = began.then((answer) => answer.utteranceId);
    this.queue = this.began.catch(() => undefined);
    const run = async () => {
      const [beginResult, micResult] = await Promise.allSettled([
        began,
        this.deps.openMicrophone({
          deviceId: options.deviceId,
          onChunk: (pcm) => this.enqueue(pcm, options.mode, generation),
          onLevel: (level) => this.listener.level(level),
        }),
      ]);
      if (beginResult.status === 'rejected' || micResult.status === 'rejected') {
        if (micResult.status === 'fulfilled') micResult.value.close();
        if (beginResult.status === 'fulfilled') {
          void this.deps.cancel({ utteranceId: beginResult.value.utteranceId }).catch(() => undefined);
        }
        this.setPhase('idle');
        throw micResult.status === 'rejected' ? micResult.reason : (beginResult as PromiseRejectedResult).reason;
      }
      if (generation !== this.generation) {
        // Cancelled while starting: nothing of this utterance may stay open.
        micResult.value.close();
        void this.deps.cancel({ utteranceId: beginResult.value.utteranceId }).catch(() => undefined);
        return;
      }
      this.utteranceId = beginResult.value.utteranceId;
      this.microphone = micResult.value;
      this.limitTimer = this.deps.setTimeout(
        () => this.autoStop('limit'),
        beginResult.value.maxSeconds * 1000 + LIMIT_GRACE_MS,
      );
      this.setPhase('listening');
    };
    this.starting = run();
    return this.starting;
  }

  /**
   * The key or button was released: send what was heard and let the core act on it. Resolves to
   * the command, or null when nothing was recording.
   */
  stop(): Promise<VoiceCommand | null> {
    if (this.stopping) return this.stopping;
    if (this.phase === 'idle') return Promise.resolve(null);
    const generation = this.generation;
    this.stopping = (async () => {
      try {
        await this.starting;
      } catch {
        return null; // start already reported its error
      }
      if (generation !== this.generation || !this.utteranceId) return null;
      this.setPhase('processing');
      this.clearLimit();
      const utteranceId = this.utteranceId;
      try {
        await this.microphone?.stop();
        this.microphone = null;
        await this.queue;
        if (this.failure) throw this.failure;
        return await this.deps.end({ utteranceId });
      } catch (error) {
        void this.deps.cancel({ utteranceId }).catch(() => undefined);
        throw error;
      } finally {
        this.microphone?.close();
        this.microphone = null;
        this.utteranceId = null;
        this.setPhase('idle');
      }
    })();
    const stopping = this.stopping;
    void stopping
      .finally(() => {
        if (this.stopping === stopping) this.stopping = null;
      })
      .catch(() => undefined);
    return stopping;
  }

  /** Escape: drop the utterance, stopping any transcription in progress. */
  async cancel(): Promise<void> {
    if (this.phase === 'idle') return;
    this.generation += 1;
    this.clearLimit();
    this.microphone?.close();
    this.microphone = null;
    const utteranceId = this.utteranceId;
    this.utteranceId = null;
    this.stopping = null;
    this.setPhase('idle');
    if (utteranceId) await this.deps.cancel({ utteranceId }).catch(() => undefined);
  }

  private enqueue(pcm: Int16Array, mode: 'hold' | 'toggle', generation: number): void {
    if (generation !== this.generation || this.phase === 'idle') return;
    const seq = this.seq++;
    const encoded = int16ToBase64(pcm);
    this.queue = this.queue.then(async () => {
      if (generation !== this.generation || !this.began || this.failure) return;
      try {
        const utteranceId = await this.began;
        if (generation !== this.generation) return;
        const answer = await this.deps.push({ utteranceId, seq, pcm: encoded });
        if (answer.limitReached) this.autoStop('limit');
        else if (answer.endOfSpeech && mode === 'toggle') this.autoStop('silence');
      } catch (error) {
        this.failure ??= error;
      }
    });
  }

  private autoStop(reason: 'silence' | 'limit'): void {
    if (this.phase !== 'listening' || this.stopping) return;
    this.listener.autoStopped(reason);
  }

  private reset(): void {
    this.seq = 0;
    this.failure = null;
    this.utteranceId = null;
    this.microphone = null;
    this.stopping = null;
    this.began = null;
  }

  private clearLimit(): void {
    if (this.limitTimer !== null) this.deps.clearTimeout(this.limitTimer);
    this.limitTimer = null;
  }

  private setPhase(phase: CapturePhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.listener.phase(phase);
  }
}
