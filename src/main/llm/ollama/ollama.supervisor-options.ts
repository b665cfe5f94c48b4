import type { Logger } from '../../platform/logger/logger';

export type SupervisorState = 'stopped' | 'starting' | 'running' | 'backoff' | 'stopping' | 'failed';

/** Pushed on every change; `detail` says why in words a status bar can show. */
export interface SupervisorStatus {
  state: SupervisorState;
  url: string | null;
  pid: number | null;
  /** Restarts since start() (crashes, failed health checks, failed starts). */
  restarts: number;
  /** Milliseconds until the next attempt while in 'backoff'. */
  retryInMs: number | null;
  detail: string;
}

export interface SupervisorTimings {
  startupTimeoutMs: number;
  healthIntervalMs: number;
  healthTimeoutMs: number;
  /** Consecutive failed health checks that count as a hang and force a restart. */
  unhealthyAfter: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Consecutive failed runs before giving up ('failed'). */
  maxRestarts: number;
  /** A run this long resets the failure count: a crash a day is not a crash loop. */
  stableAfterMs: number;
  /** Grace between SIGTERM and SIGKILL on stop. */
  stopTimeoutMs: number;
}

export const DEFAULT_TIMINGS: SupervisorTimings = {
  startupTimeoutMs: 30_000,
  healthIntervalMs: 5_000,
  healthTimeoutMs: 2_000,
  unhealthyAfter: 3,
  backoffInitialMs: 1_000,
  backoffMaxMs: 30_000,
  maxRestarts: 5,
  stableAfterMs: 60_000,
  stopTimeoutMs: 5_000,
};

export interface OllamaSupervisorOptions {
  binaryPath: string;
  /** The app's data folder; output goes to <dataDir>/logs/ollama.log (capped, rotated). */
  dataDir: string;
  /** Loopback port to serve on; a free one is chosen when omitted. */
  port?: number;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  timings?: Partial<SupervisorTimings>;
}
