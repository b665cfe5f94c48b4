import {
  type ModelSpec,
  type ReplyEvent,
  type WorkerRequest,
  workerEventSchema,
} from '../../../shared/workers/llm-protocol';
import { createLogger, type Logger } from '../../platform/logger/logger';
import type { ProviderHealth } from '../provider';
import { engineDown, engineStopped } from './embedded-errors';
import { type EngineProcess, forkEngineProcess, type SpawnEngine } from './engine-process';
import { type PendingRequest, PendingRequests, replyHandler } from './pending-requests';
import { RestartPolicy, type RestartPolicyOptions } from './restart-policy';
import { describeHealth, type Pong, pingEngine, type SupervisorState } from './supervisor-health';

export interface EmbeddedSupervisorOptions extends RestartPolicyOptions {
  /** The built engine entry (production: resolveEmbeddedWorkerPath(); tests: a freshly bundled .mjs). */
  workerPath: string | URL;
  logger?: Logger;
  /** Default 5 s. */
  pingTimeoutMs?: number;
  /** Background pings; two missed in a row replace a hung engine. 0 turns them off. Default 30 s. */
  healthIntervalMs?: number;
  /** How long close() waits for the model to unload, then for the process to exit. Default 3 s. */
  closeTimeoutMs?: number;
  /** How the engine process is started; tests wrap it to get hold of (and kill) the process. */
  spawnEngine?: SpawnEngine;
}

/** Builds a request once its id is known. */
export type RequestBuilder = (requestId: string) => WorkerRequest;

/**
 * Runs the embedded LLM engine process: starts it on first use, restarts it with exponential
 * backoff when it dies (failing in-flight requests with a transient LlmError, never leaving them
 * hanging), reloads the model it held, replaces it when it stops answering pings, and gives up
 * after too many crashes in a row.
 */
export class EmbeddedSupervisor {
  readonly pending = new PendingRequests();
  private readonly logger: Logger;
  private readonly policy: RestartPolicy;
  private engine: EngineProcess | null = null;
  private current: SupervisorState = 'idle';
  private lastFailure = '';
  private timers: { restart?: NodeJS.Timeout; health?: NodeJS.Timeout } = {};
  private waiters: { resolve: (engine: EngineProcess) => void; reject: (error: Error) => void }[] = [];
  private model: ModelSpec | null = null;

  constructor(private readonly options: EmbeddedSupervisorOptions) {
    this.logger = options.logger ?? createLogger();
    this.policy = new RestartPolicy(options);
  }

  get state(): SupervisorState {
    return this.current;
  }

  /** Starts the engine now instead of on first use; after giving up, tries again from scratch. */
  start(): void {
    if (this.current !== 'idle' && this.current !== 'failed') return;
    this.policy.reset();
    this.spawn();
  }

  /** The model to load again whenever a new engine starts, so it is warm after a crash. */
  rememberModel(model: ModelSpec | null): void {
    this.model = model;
  }

  /** Sends a request that ends with one event; `pick` returns undefined for events to ignore. */
  async call<T>(build: RequestBuilder, pick: (event: ReplyEvent) => T | undefined): Promise<T> {
    const engine = await this.ready();
    return new Promise<T>((resolve, reject) => this.sendTo(engine, build, replyHandler(pick, resolve, reject)));
  }

  /** Sends a request with a caller-made handler (streams); returns its id. */
  async open(build: RequestBuilder, handler: PendingRequest): Promise<string> {
    return this.sendTo(await this.ready(), build, handler);
  }

  /** Fire and forget (cancel): an engine that is gone has nothing left to stop. */
  notify(message: WorkerRequest): void {
    this.engine?.send(message);
  }

  /** Kills an engine that is alive but not doing its job; counts as a crash. */
  recycle(reason: string): void {
    if (!this.engine) return;
    this.lastFailure = reason;
    this.logger.warn({ reason }, 'embedded LLM engine replaced');
    this.engine.kill('SIGKILL');
  }

  ping(timeoutMs = this.options.pingTimeoutMs ?? 5_000): Promise<Pong> {
    return pingEngine(this, timeoutMs);
  }

  async health(): Promise<ProviderHealth> {
    const { crashCount, maxRestarts } = this.policy;
    if (this.current !== 'running') return describeHealth(this.current, crashCount, maxRestarts, this.lastFailure);
    try {
      return describeHealth('running', crashCount, maxRestarts, '', await this.ping());
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Stops generations and unloads the model (freeing its memory), then ends the process. */
  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.current = 'closed';
    clearTimeout(this.timers.restart);
    clearInterval(this.timers.health);
    this.rejectWaiters(engineDown('it was shut down'));
    const engine = this.engine;
    if (!engine) return;
    const patience = this.options.closeTimeoutMs ?? 3_000;
    for (const requestId of this.pending.ids()) engine.send({ type: 'cancel', requestId });
    const unload: RequestBuilder = (requestId) => ({ type: 'unload', requestId });
    await new Promise<void>((resolve) => {
      this.sendTo(
        engine,
        unload,
        replyHandler(
          () => true,
          () => resolve(),
          () => resolve(),
        ),
      );
      setTimeout(resolve, patience).unref();
    });
    this.engine = null;
    this.pending.failAll(engineDown('it was shut down'));
    engine.kill('SIGTERM');
    const killTimer = setTimeout(() => engine.kill('SIGKILL'), patience);
    await engine.exited;
    clearTimeout(killTimer);
  }

  private ready(): Promise<EngineProcess> {
    if (this.current === 'idle') this.spawn();
    if (this.current === 'running' && this.engine) return Promise.resolve(this.engine);
    if (this.current === 'restarting') return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    return Promise.reject(engineDown(this.current === 'closed' ? 'it was shut down' : this.givenUp()));
  }

  private sendTo(engine: EngineProcess, build: RequestBuilder, handler: PendingRequest): string {
    const requestId = this.pending.nextId();
    this.pending.add(requestId, handler);
    engine.send(build(requestId));
    return requestId;
  }

  private spawn(): void {
    this.lastFailure = '';
    let engine: EngineProcess | null = null;
    try {
      engine = (this.options.spawnEngine ?? forkEngineProcess)(this.options.workerPath, {
        onMessage: (raw) => this.onMessage(raw),
        onExit: (reason) => engine && this.onExit(engine, reason),
      });
    } catch (error) {
      this.lastFailure = error instanceof Error ? error.message : String(error);
      return this.scheduleRestart();
    }
    this.engine = engine;
    this.current = 'running';
    this.policy.started(performance.now());
    // Reload before anything waiting is sent, so the model is warm again for them. If that fails
    // (file gone, or the model itself brought the engine down), stop reloading it: the next
    // request's own load reports the problem properly.
    const model = this.model;
    const forget = (): void => this.rememberModel(null);
    if (model)
      this.sendTo(
        engine,
        (requestId) => ({ type: 'load', requestId, model }),
        replyHandler(
          () => true,
          () => undefined,
          forget,
        ),
      );
    this.watch();
    for (const waiter of this.waiters.splice(0)) waiter.resolve(engine);
  }

  /** Background pings; two misses in a row, since one slow answer can be a busy machine. */
  private watch(): void {
    const interval = this.options.healthIntervalMs ?? 30_000;
    if (interval <= 0) return;
    let missed = 0;
    this.timers.health = setInterval(() => {
      this.ping().then(
        () => (missed = 0),
        (error: Error) => (missed += 1) >= 2 && this.recycle(error.message),
      );
    }, interval).unref();
  }

  private onMessage(raw: unknown): void {
    const parsed = workerEventSchema.safeParse(raw);
    if (!parsed.success) this.logger.warn({ issues: parsed.error.issues }, 'unreadable message from LLM engine');
    else if (parsed.data.type === 'log') this.logger[parsed.data.level]({ llama: parsed.data.message }, 'llama.cpp');
    else this.pending.dispatch(parsed.data);
  }

  private onExit(engine: EngineProcess, reason: string): void {
    if (engine !== this.engine) return;
    this.engine = null;
    clearInterval(this.timers.health);
    this.lastFailure = this.lastFailure ? `${this.lastFailure} (${reason})` : reason;
    this.logger.error({ reason: this.lastFailure, pid: engine.pid }, 'embedded LLM engine stopped');
    this.pending.failAll(engineStopped(this.lastFailure));
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.current === 'closed') return;
    const delay = this.policy.crashed(performance.now());
    if (delay === null) {
      this.current = 'failed';
      this.logger.error({ reason: this.givenUp() }, 'embedded LLM engine given up');
      this.rejectWaiters(engineDown(this.givenUp()));
      return;
    }
    this.current = 'restarting';
    this.logger.warn({ crashes: this.policy.crashCount, delay }, 'embedded LLM engine restarting');
    this.timers.restart = setTimeout(() => this.spawn(), delay);
  }

  private givenUp(): string {
    return `it crashed ${this.policy.crashCount} times in a row (last: ${this.lastFailure})`;
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
