import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock/memory';
import { CircuitBreaker, CircuitBreakers } from './circuit-breaker';

const options = { failureThreshold: 3, coolDownMs: 30_000 };

function breaker() {
  const clock = new ManualClock('2026-11-25T10:00:00.000Z');
  return { clock, breaker: new CircuitBreaker(clock, options) };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and refuses calls while open', () => {
    const { breaker: b } = breaker();
    b.recordFailure();
    b.recordFailure();
    expect(b.state()).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    b.recordFailure();
    expect(b.state()).toBe('open');
    expect(b.tryAcquire()).toBe(false);
  });

  it('counts only consecutive failures: a success in between starts the count again', () => {
    const { breaker: b } = breaker();
    b.recordFailure();
    b.recordFailure();
    b.recordSuccess();
    b.recordFailure();
    b.recordFailure();
    expect(b.state()).toBe('closed');
  });

  it('goes half-open after the cool-down and lets exactly one trial through', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(29_999);
    expect(b.state()).toBe('open');
    clock.advance(1);
    expect(b.state()).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
  });

  it('closes when the half-open trial succeeds', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(30_000);
    b.tryAcquire();
    b.recordSuccess();
    expect(b.state()).toBe('closed');
    expect(b.tryAcquire()).toBe(true);
    // A fresh count: one failure does not reopen it.
    b.recordFailure();
    expect(b.state()).toBe('closed');
  });

  it('reopens for a full cool-down when the half-open trial fails', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(30_000);
    b.tryAcquire();
    b.recordFailure();
    expect(b.state()).toBe('open');
    clock.advance(29_999);
    expect(b.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(b.tryAcquire()).toBe(true);
  });

  it('frees the half-open trial slot when the trial ends saying nothing about health', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i++) b.recordFailure();
    clock.advance(30_000);
    expect(b.tryAcquire()).toBe(true);
    b.release();
    expect(b.state()).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
  });
});

describe('CircuitBreakers', () => {
  it('keeps one breaker per provider', () => {
    const breakers = new CircuitBreakers(new ManualClock('2026-01-01T00:00:00Z'), {
      failureThreshold: 1,
      coolDownMs: 1,
    });
    breakers.for('ollama').recordFailure();
    expect(breakers.for('ollama').state()).toBe('open');
    expect(breakers.for('embedded').state()).toBe('closed');
    expect(breakers.for('ollama')).toBe(breakers.for('ollama'));
  });
});
