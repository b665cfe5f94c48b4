import { Worker } from 'node:worker_threads';
import { ContractError } from '../../../shared/contract/errors';
import type { EngineSettings, EngineVoice, TtsEvent, TtsRequest } from '../../../workers/tts/protocol';
import type { Logger } from '../../platform/logger/logger';
import type { SpeechEngine, SynthesizedAudio } from './speech-engine';
import type { SynthesizerState } from './speech-synthesizer';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onFirstAudio?: () => void;
  timer: NodeJS.Timeout;
}

export interface EspeakWorkerEngineOptions {
  /** The built worker; a function so that a missing build is reported as a state, not a throw at startup. */
  workerPath: () => string;
  logger: Logger;
  /** A request taking longer ends the worker (a hung engine); the next call starts a fresh one. */
  requestTimeoutMs?: number;
  /** Starts the thread; tests wrap it to hold the Worker and end it. */
  spawnWorker?: (path: string) => Worker;
}

// The parent's flags (inspector, test-runner loaders) are not for the engine.
const startWorkerThread = (path: string): Worker => new Worker(path, { execArgv: [] });

/**
 * espeak-ng in a worker thread, started on first use and kept loaded. When the thread dies
 * (a trap in the WebAssembly, an uncaught error, a timeout), the calls in flight fail with
 * UNAVAILABLE, the state says what happened, and the next call starts a new thread.
 */
export class EspeakWorkerEngine implements SpeechEngine {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private current: SynthesizerState = { state: 'not-loaded', message: 'The speech engine loads on the first reply.' };
  private closed = false;
  private voiceList: EngineVoice[] | null = null;

  constructor(private readonly options: EspeakWorkerEngineOptions) {}

  state(): SynthesizerState {
    return { ...this.current };
  }

  start(): Promise<void> {
    if (this.closed) return Promise.reject(new ContractError('UNAVAILABLE', 'The speech engine has been shut down.'));
    this.ready ??= this.spawn();
    return this.ready;
  }

  async voices(): Promise<EngineVoice[]> {
    if (this.voiceList) return this.voiceList;
    await this.start();
    this.voiceList = await this.request<EngineVoice[]>({ type: 'voices', requestId: this.nextId++ });
    return this.voiceList;
  }

  async synthesize(text: string, settings: EngineSettings, onFirstAudio: () => void): Promise<SynthesizedAudio> {
    await this.start();
    return this.request<SynthesizedAudio>(
      { type: 'synthesize', requestId: this.nextId++, text, settings },
      onFirstAudio,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    this.failPending(new ContractError('UNAVAILABLE', 'The speech engine was shut down.'));
    if (worker) await worker.terminate();
    this.current = { state: 'not-loaded', message: 'The speech engine is shut down.' };
  }

  private spawn(): Promise<void> {
    let path: string;
    try {
      path = this.options.workerPath();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.current = { state: 'unavailable', message };
      this.ready = null;
      return Promise.reject(new ContractError('UNAVAILABLE', message));
    }
    this.current = { state: 'loading', message: 'Loading espeak-ng.' };
    const worker = (this.options.spawnWorker ?? startWorkerThread)(path);
    this.worker = worker;
    let lastError = '';

    return new Promise<void>((resolve, reject) => {
      worker.on('message', (event: TtsEvent) => {
        if (event.type === 'ready') {
          this.current = {
            state: 'ready',
            message: `espeak-ng is loaded (${Math.round(event.loadMs)} ms, ${event.sampleRate} Hz).`,
          };
          this.options.logger.info({ loadMs: Math.round(event.loadMs) }, 'tts: espeak-ng loaded');
          resolve();
        } else if (event.type === 'load-failed') {
          lastError = event.message;
        } else {
          this.settle(event);
        }
      });
      worker.on('error', (error) => {
        lastError = error.message;
      });
      worker.on('exit', (code) => {
        // A stale exit (an old worker after a restart, or after close) changes nothing.
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        const why = `exit code ${code}${lastError ? `: ${lastError}` : ''}`;
        const message = `The speech engine stopped unexpectedly (${why}); it restarts on the next reply.`;
        this.current = { state: 'error', message };
        this.options.logger.error({ code, lastError }, 'tts: speech engine stopped');
        const failure = new ContractError('UNAVAILABLE', message);
        this.failPending(failure);
        reject(failure);
      });
    });
  }

  private request<T>(message: TtsRequest, onFirstAudio?: () => void): Promise<T> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new ContractError('UNAVAILABLE', 'The speech engine is not running.'));
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.options.logger.error({ timeoutMs }, 'tts: synthesis took too long; ending the engine');
        void worker.terminate();
      }, timeoutMs);
      this.pending.set(message.requestId, {
        resolve: resolve as (value: unknown) => void,
        reject,
        ...(onFirstAudio ? { onFirstAudio } : {}),
        timer,
      });
      worker.postMessage(message);
    });
  }

  private settle(event: Exclude<TtsEvent, { type: 'ready' | 'load-failed' }>): void {
    const pending = this.pending.get(event.requestId);
    if (!pending) return;
    if (event.type === 'first-audio') {
      pending.onFirstAudio?.();
      return;
    }
    this.pending.delete(event.requestId);
    clearTimeout(pending.timer);
    if (event.type === 'voices') pending.resolve(event.voices);
    else if (event.type === 'audio') pending.resolve({ samples: event.samples, sampleRate: event.sampleRate });
    else pending.reject(new ContractError('INTERNAL', `The speech engine failed: ${event.message}`));
  }

  private failPending(error: Error): void {
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}
