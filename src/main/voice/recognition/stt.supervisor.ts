import { ContractError } from '../../../shared/contract/errors';
import { type SttEvent, type SttRequest, sttEventSchema } from '../../../shared/workers/stt-protocol';
import { type EngineProcess, type SpawnEngine, forkEngineProcess } from '../../llm/embedded/engine-process';

type Reply = Exclude<SttEvent, { type: 'log' }>;
type RequestBody = SttRequest extends infer R ? (R extends SttRequest ? Omit<R, 'requestId'> : never) : never;

export interface SttSupervisorOptions {
  workerPath: string;
  logger: {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
  spawnEngine?: SpawnEngine<SttRequest>;
  /** How long a cancelled pass may keep running before the worker is replaced (default 1 s). */
  cancelGraceMs?: number;
  /** Told when the worker dies unasked (a native crash, killed by the OS). */
  onCrash?: (reason: string) => void;
}

interface Waiting {
  body: RequestBody;
  type: SttRequest['type'];
  onLoaded?: (event: Extract<Reply, { type: 'loaded' }>) => void;
  settle(event: Reply): void;
  lost(error: Error): void;
}

/**
 * Runs the speech-to-text worker and matches its replies to requests. The worker starts on the
 * first request and stays up (models warm) until closed. When it dies, every waiting request
 * fails with a plain message and the next request starts a fresh worker: for push-to-talk,
 * restarting on the next utterance beats a background restart loop that reloads a model
 * nobody asked for while a bad file keeps crashing it.
 */
export class SttSupervisor {
  private engine: EngineProcess<SttRequest> | null = null;
  private readonly waiting = new Map<string, Waiting>();
  private sequence = 0;
  private closed = false;
  private stopping = new Set<EngineProcess<SttRequest>>();
  /** Worker processes started so far (1 while it has never crashed). */
  starts = 0;
  crashes = 0;
  /** Workers replaced because a cancelled pass would not stop. */
  recycles = 0;
  private readonly abandoned = new Map<string, NodeJS.Timeout>();
  lastCrash: string | null = null;

  constructor(private readonly options: SttSupervisorOptions) {}

  get pid(): number | undefined {
    return this.engine?.pid;
  }

  /** Sends a request and resolves with its answer; an `error` reply rejects (see `toError`). */
  request(
    body: RequestBody,
    hooks: { onRequestId?: (requestId: string) => void; onLoaded?: Waiting['onLoaded'] } = {},
  ): Promise<Reply> {
    if (this.closed) return Promise.reject(new ContractError('UNAVAILABLE', 'Speech recognition has been shut down.'));
    const engine = this.ensure();
    this.sequence += 1;
    const requestId = `s${this.sequence}`;
    hooks.onRequestId?.(requestId);
    return new Promise<Reply>((resolve, reject) => {
      this.waiting.set(requestId, { body, type: body.type, onLoaded: hooks.onLoaded, settle: resolve, lost: reject });
      engine.send({ ...body, requestId } as SttRequest);
    });
  }

  /**
   * Stops a request now: its promise rejects with `error` at once and the worker is asked to
   * stop. whisper.node cannot interrupt a pass in progress, so a worker that has not answered
   * within `graceMs` is replaced (the model loads again on the new one) rather than left
   * computing an answer nobody wants while the next utterance waits behind it.
   */
  abandon(requestId: string, error: Error, graceMs = this.options.cancelGraceMs ?? 1_000): void {
    const waiter = this.waiting.get(requestId);
    if (!waiter) return;
    this.waiting.delete(requestId);
    waiter.lost(error);
    const engine = this.engine;
    if (!engine) return;
    engine.send({ type: 'cancel', requestId });
    const timer = setTimeout(() => {
      this.abandoned.delete(requestId);
      if (this.engine === engine) this.recycle(engine, `a cancelled request did not stop within ${graceMs} ms`);
    }, graceMs);
    timer.unref();
    this.abandoned.set(requestId, timer);
  }

  /** Replaces the worker and sends it every request still waiting. */
  private recycle(engine: EngineProcess<SttRequest>, reason: string): void {
    this.options.logger.warn({ reason, pid: engine.pid }, 'replacing the speech worker');
    this.recycles += 1;
    this.stopping.add(engine);
    this.engine = null;
    engine.kill('SIGKILL');
    if (this.closed) return;
    const next = this.ensure();
    for (const [requestId, waiter] of this.waiting) next.send({ ...waiter.body, requestId } as SttRequest);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.abandoned.values()) clearTimeout(timer);
    this.abandoned.clear();
    const engine = this.engine;
    this.engine = null;
    this.failAll(new ContractError('UNAVAILABLE', 'Speech recognition was shut down.'));
    if (!engine) return;
    this.stopping.add(engine);
    engine.kill('SIGTERM');
    const timer = setTimeout(() => engine.kill('SIGKILL'), 2_000);
    await engine.exited;
    clearTimeout(timer);
  }

  private ensure(): EngineProcess<SttRequest> {
    if (this.engine) return this.engine;
    const spawn = this.options.spawnEngine ?? forkEngineProcess<SttRequest>;
    const engine: EngineProcess<SttRequest> = spawn(this.options.workerPath, {
      onMessage: (raw) => this.onMessage(raw),
      onExit: (reason) => this.onExit(engine, reason),
    });
    this.engine = engine;
    this.starts += 1;
    this.options.logger.info({ pid: engine.pid, starts: this.starts }, 'speech worker started');
    return engine;
  }

  private onMessage(raw: unknown): void {
    const parsed = sttEventSchema.safeParse(raw);
    if (!parsed.success) {
      this.options.logger.warn({ issues: parsed.error.issues }, 'unreadable message from the speech worker');
      return;
    }
    const event = parsed.data;
    if (event.type === 'log') {
      this.options.logger[event.level]({ whisper: event.message }, 'speech worker');
      return;
    }
    const timer = this.abandoned.get(event.requestId);
    if (timer) {
      // The worker did stop the cancelled request in time.
      clearTimeout(timer);
      this.abandoned.delete(event.requestId);
    }
    const waiter = this.waiting.get(event.requestId);
    if (!waiter) return;
    // A transcription reports its model load on the way; only its result (or error) ends it.
    if (event.type === 'loaded' && waiter.type === 'transcribe') {
      waiter.onLoaded?.(event);
      return;
    }
    this.waiting.delete(event.requestId);
    waiter.settle(event);
  }

  private onExit(engine: EngineProcess<SttRequest>, reason: string): void {
    if (this.stopping.delete(engine) || engine !== this.engine) return;
    this.engine = null;
    this.crashes += 1;
    this.lastCrash = reason;
    this.options.logger.error({ reason, pid: engine.pid }, 'speech worker stopped');
    this.options.onCrash?.(reason);
    this.failAll(
      new ContractError(
        'UNAVAILABLE',
        `The speech recognizer stopped unexpectedly (${reason}). Try again: it restarts on the next utterance.`,
      ),
    );
  }

  private failAll(error: ContractError): void {
    const lost = [...this.waiting.values()];
    this.waiting.clear();
    for (const waiter of lost) waiter.lost(error);
  }
}
