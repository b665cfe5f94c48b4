import type { SyncLogger } from './engine-types';
import { isAuthFailure, type LiveSubscription, type SyncTransport } from './transport';

export interface BackgroundSyncOptions {
  run: () => Promise<unknown>;
  /** The newest change-log id: when it moves, the app wrote something. */
  latestLocalWrite: () => number;
  transport: SyncTransport;
  onRetryPlanned: (at: number | null) => void;
  onLocalWrite: () => void;
  logger?: SyncLogger;
  timing?: Partial<typeof DEFAULT_TIMING>;
}

export const DEFAULT_TIMING = {
  /** How often the change log is looked at (a cheap max(id)). */
  watchMs: 500,
  /** Quiet time after a local write before syncing, so typing is one sync, not one per keystroke. */
  debounceMs: 1_000,
  periodicMs: 60_000,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
  liveRetryMaxMs: 60_000,
};

/**
 * When the engine syncs on its own: after local writes (debounced), when the live channel says
 * another device pushed, and every minute. Failures back off exponentially with jitter; while
 * backing off (offline) nothing else triggers a sync, except the live channel coming back, which
 * proves the server is reachable again. Auth failures stop until the next manual sync.
 */
export class BackgroundSync {
  private readonly timing: typeof DEFAULT_TIMING;
  private running = false;
  private watchTimer: NodeJS.Timeout | null = null;
  private periodicTimer: NodeJS.Timeout | null = null;
  private runTimer: NodeJS.Timeout | null = null;
  private liveTimer: NodeJS.Timeout | null = null;
  private live: LiveSubscription | null = null;
  private failures = 0;
  private liveFailures = 0;
  private backingOff = false;
  private lastSeenWrite = 0;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly options: BackgroundSyncOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastSeenWrite = this.options.latestLocalWrite();
    this.watchTimer = setInterval(() => this.watch(), this.timing.watchMs);
    this.periodicTimer = setInterval(() => this.schedule(0), this.timing.periodicMs);
    this.openLive();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of [this.watchTimer, this.periodicTimer]) if (timer) clearInterval(timer);
    for (const timer of [this.runTimer, this.liveTimer]) if (timer) clearTimeout(timer);
    this.watchTimer = this.periodicTimer = this.runTimer = this.liveTimer = null;
    this.live?.close();
    this.live = null;
    await this.inFlight;
  }

  private watch(): void {
    const latest = this.options.latestLocalWrite();
    if (latest === this.lastSeenWrite) return;
    this.lastSeenWrite = latest;
    this.options.onLocalWrite();
    this.schedule(this.timing.debounceMs, true);
  }

  /** `restart` pushes a pending run later (debounce); otherwise an earlier pending run stands. */
  private schedule(delayMs: number, restart = false): void {
    if (!this.running || this.backingOff) return;
    if (this.runTimer) {
      if (!restart) return;
      clearTimeout(this.runTimer);
    }
    this.runTimer = setTimeout(() => {
      this.runTimer = null;
      this.inFlight = this.runOnce();
    }, delayMs);
  }

  private async runOnce(): Promise<void> {
    try {
      await this.options.run();
      this.failures = 0;
      this.backingOff = false;
      this.options.onRetryPlanned(null);
    } catch (error) {
      if (isAuthFailure(error)) {
        this.backingOff = true;
        this.options.onRetryPlanned(null);
        return;
      }
      this.failures += 1;
      const delay = backoffDelay(this.failures, this.timing.backoffBaseMs, this.timing.backoffMaxMs);
      this.options.onRetryPlanned(Date.now() + delay);
      this.options.logger?.warn({ failures: this.failures, delayMs: delay }, 'sync failed; retrying later');
      this.backingOff = true;
      if (this.running) {
        this.runTimer = setTimeout(() => {
          this.runTimer = null;
          this.backingOff = false;
          this.inFlight = this.runOnce();
        }, delay);
      }
    }
  }

  private openLive(): void {
    if (!this.running) return;
    this.live = this.options.transport.openLive({
      onOpen: () => {
        this.liveFailures = 0;
        // Reachable again: stop waiting out the backoff.
        if (this.backingOff && this.runTimer) {
          clearTimeout(this.runTimer);
          this.runTimer = null;
          this.backingOff = false;
        }
        this.schedule(0);
      },
      onChanged: () => this.schedule(100),
      onClose: () => {
        this.live = null;
        if (!this.running) return;
        this.liveFailures += 1;
        const delay = backoffDelay(this.liveFailures, 1_000, this.timing.liveRetryMaxMs);
        this.liveTimer = setTimeout(() => {
          this.liveTimer = null;
          this.openLive();
        }, delay);
      },
    });
  }
}

/** base · 2^(n−1), capped, with "equal jitter" (half fixed, half random) so devices do not retry in step. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
