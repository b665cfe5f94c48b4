import type { ClockPort } from '../../platform/clock/types';
import type { ProviderId } from '../provider';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one trial through. */
  coolDownMs: number;
}

export const DEFAULT_BREAKER_OPTIONS: CircuitBreakerOptions = { failureThreshold: 3, coolDownMs: 30_000 };

/**
 * Stops sending work to a provider that keeps failing, so a dead Ollama or an API outage costs
 * one skip instead of a timeout per generation. Closed → (N consecutive failures) → open →
 * (cool-down) → half-open: one trial call; success closes, failure reopens for another cool-down.
 * No I/O and no timers: time comes from the clock port, so tests move it by hand.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly clock: ClockPort,
    private readonly options: CircuitBreakerOptions = DEFAULT_BREAKER_OPTIONS,
  ) {}

  state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.clock.now().getTime() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /** Whether a call may start now. In half-open only one trial runs at a time. */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.trialInFlight = false;
    if (this.openedAt !== null) {
      // A failed half-open trial (or a straggler finishing late) restarts the cool-down.
      this.openedAt = this.clock.now().getTime();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.clock.now().getTime();
  }

  /** A call ended saying nothing about the provider's health (cancelled, or the caller's own mistake). */
  release(): void {
    this.trialInFlight = false;
  }
}

/** One breaker per provider, made on first use. */
export class CircuitBreakers {
  private readonly byProvider = new Map<ProviderId, CircuitBreaker>();

  constructor(
    private readonly clock: ClockPort,
    private readonly options: CircuitBreakerOptions = DEFAULT_BREAKER_OPTIONS,
  ) {}

  for(provider: ProviderId): CircuitBreaker {
    let breaker = this.byProvider.get(provider);
    if (!breaker) {
      breaker = new CircuitBreaker(this.clock, this.options);
      this.byProvider.set(provider, breaker);
    }
    return breaker;
  }
}
