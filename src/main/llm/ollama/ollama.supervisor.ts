import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { probeServer } from './ollama.discovery';
import { loopbackHostValue } from './ollama.host';
import { RotatingLogFile } from './ollama.log-file';
import { backoffDelay, freeLoopbackPort, killGroupRemnants, spawnServe, terminate } from './ollama.process';
import {
  DEFAULT_TIMINGS,
  type OllamaSupervisorOptions,
  type SupervisorStatus,
  type SupervisorTimings,
} from './ollama.supervisor-options';

export type {
  OllamaSupervisorOptions,
  SupervisorState,
  SupervisorStatus,
  SupervisorTimings,
} from './ollama.supervisor-options';

/** Runs `ollama serve` as a child: health-checked, restarted with backoff, stopped cleanly. */
export class OllamaSupervisor {
  private readonly timings: SupervisorTimings;
  private readonly log: RotatingLogFile;
  private readonly listeners = new Set<(status: SupervisorStatus) => void>();
  private current: SupervisorStatus = {
    state: 'stopped',
    url: null,
    pid: null,
    restarts: 0,
    retryInMs: null,
    detail: '',
  };
  private child: ChildProcess | null = null;
  private port: number | null;
  private failures = 0;
  private runningSince = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private settleStart: { resolve: (s: SupervisorStatus) => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly options: OllamaSupervisorOptions) {
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.port = options.port ?? null;
    this.log = new RotatingLogFile(join(options.dataDir, 'logs', 'ollama.log'));
  }

  get url(): string | null {
    return this.port === null ? null : `http://127.0.0.1:${this.port}`;
  }

  status(): SupervisorStatus {
    return this.current;
  }

  /** Listens to status changes; returns the unsubscribe function. */
  onStatus(listener: (status: SupervisorStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the server answers; rejects if it never does within the restart budget. */
  async start(): Promise<SupervisorStatus> {
    if (this.current.state !== 'stopped' && this.current.state !== 'failed') return this.current;
    this.stopping = false;
    this.failures = 0;
    this.port ??= await freeLoopbackPort();
    const ready = new Promise<SupervisorStatus>((resolve, reject) => (this.settleStart = { resolve, reject }));
    this.launch();
    return ready;
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.clearTimer();
    this.settleStart?.reject(new Error('Ollama was stopped before it became ready'));
    this.settleStart = null;
    const child = this.child;
    if (child) {
      this.update({ state: 'stopping', detail: 'Stopping Ollama' });
      const how = await terminate(child, this.timings.stopTimeoutMs);
      this.options.logger?.info({ pid: child.pid, how }, 'ollama stopped');
    }
    this.update({ state: 'stopped', pid: null, retryInMs: null, detail: 'Ollama is stopped' });
    this.log.close();
  }

  private launch(): void {
    const url = this.url ?? '';
    const env = { ...(this.options.env ?? process.env), OLLAMA_HOST: loopbackHostValue(this.port ?? 0) };
    this.log.write(`--- cadence: starting ${this.options.binaryPath} serve on ${url} at ${new Date().toISOString()}\n`);
    const child = spawnServe(this.options.binaryPath, env);
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => this.log.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.log.write(chunk));
    child.once('error', (error) => {
      this.log.write(`--- cadence: could not start: ${error.message}\n`);
      if (child.pid === undefined) this.onExit(child, null, null); // never spawned: no exit event
    });
    // 'exit', not 'close': a runner left alive can hold the pipes open. Wait briefly for the
    // pipes so the last words reach the log before we quote them.
    child.once('exit', (code, signal) => {
      const proceed = () => this.onExit(child, code, signal);
      const fallback = setTimeout(proceed, 250);
      child.once('close', () => {
        clearTimeout(fallback);
        proceed();
      });
    });
    this.update({ state: 'starting', url, pid: child.pid ?? null, retryInMs: null, detail: 'Starting Ollama' });
    const deadline = Date.now() + this.timings.startupTimeoutMs;
    const poll = async () => {
      if (this.child !== child || this.stopping) return;
      if ((await probeServer(url, this.timings.healthTimeoutMs)) !== null) return this.becameReady(child);
      if (Date.now() >= deadline) return this.recycle(child, 'Ollama did not answer in time');
      this.timer = setTimeout(() => void poll(), 100);
    };
    void poll();
  }

  private becameReady(child: ChildProcess): void {
    if (this.child !== child) return;
    this.runningSince = Date.now();
    this.update({ state: 'running', detail: `Ollama is running at ${this.url}` });
    this.settleStart?.resolve(this.current);
    this.settleStart = null;
    this.scheduleHealth(child, 0);
  }

  private scheduleHealth(child: ChildProcess, misses: number): void {
    this.timer = setTimeout(async () => {
      if (this.child !== child || this.stopping) return;
      const ok = (await probeServer(this.url ?? '', this.timings.healthTimeoutMs)) !== null;
      if (ok || misses + 1 < this.timings.unhealthyAfter) return this.scheduleHealth(child, ok ? 0 : misses + 1);
      await this.recycle(child, `Ollama stopped answering (${misses + 1} health checks failed)`);
    }, this.timings.healthIntervalMs);
  }

  /** Kills a hung or never-ready server; its exit then goes through the normal restart path. */
  private async recycle(child: ChildProcess, why: string): Promise<void> {
    this.options.logger?.warn({ pid: child.pid, why }, 'ollama restart');
    this.log.write(`--- cadence: ${why}; restarting\n`);
    await terminate(child, this.timings.stopTimeoutMs);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = null;
    this.clearTimer();
    if (child.pid !== undefined) killGroupRemnants(child.pid);
    if (this.stopping) return;
    const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
    const lastLine = this.log.lastLine();
    const detail = `Ollama ${how}${lastLine && !lastLine.startsWith('---') ? `: ${lastLine}` : ''}`;
    this.options.logger?.warn({ pid: child.pid, code, signal }, 'ollama exited');
    if (this.runningSince > 0 && Date.now() - this.runningSince >= this.timings.stableAfterMs) this.failures = 0;
    this.runningSince = 0;
    this.failures += 1;
    if (this.failures > this.timings.maxRestarts) {
      this.update({
        state: 'failed',
        pid: null,
        retryInMs: null,
        detail: `${detail}. Gave up after ${this.failures - 1} restarts`,
      });
      this.settleStart?.reject(new Error(this.current.detail));
      this.settleStart = null;
      return;
    }
    const delay = backoffDelay(this.failures, this.timings.backoffInitialMs, this.timings.backoffMaxMs);
    this.update({ state: 'backoff', pid: null, retryInMs: delay, restarts: this.current.restarts + 1, detail });
    this.timer = setTimeout(() => this.launch(), delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private update(change: Partial<SupervisorStatus>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
