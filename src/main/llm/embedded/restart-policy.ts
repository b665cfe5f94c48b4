export interface RestartPolicyOptions {
  /** Crashes in a row before giving up. Default 5. */
  maxRestarts?: number;
  /** Restart delay: initialMs, doubling per crash in a row, capped at maxMs. Default 500 ms to 30 s. */
  backoff?: { initialMs: number; maxMs: number };
  /** An engine that ran this long before crashing starts a fresh count. Default 60 s. */
  stableAfterMs?: number;
}

/**
 * When to restart a crashed engine: at once-ish after a one-off crash, ever later when it keeps
 * crashing (a model that crashes on load would otherwise spin a core), and never after too many.
 */
export class RestartPolicy {
  private crashes = 0;
  private startedAt = 0;

  constructor(private readonly options: RestartPolicyOptions = {}) {}

  get crashCount(): number {
    return this.crashes;
  }

  get maxRestarts(): number {
    return this.options.maxRestarts ?? 5;
  }

  started(now: number): void {
    this.startedAt = now;
  }

  /** Records a crash; returns the delay before the next start, or null to give up. */
  crashed(now: number): number | null {
    if (now - this.startedAt >= (this.options.stableAfterMs ?? 60_000)) this.crashes = 0;
    this.crashes += 1;
    if (this.crashes > this.maxRestarts) return null;
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 500, maxMs: 30_000 };
    return Math.min(maxMs, initialMs * 2 ** (this.crashes - 1));
  }

  reset(): void {
    this.crashes = 0;
  }
}
