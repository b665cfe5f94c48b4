import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy';

describe('RestartPolicy', () => {
  it('backs off exponentially, capped, then gives up', () => {
    const policy = new RestartPolicy({ maxRestarts: 4, backoff: { initialMs: 100, maxMs: 500 } });
    policy.started(0);
    expect([policy.crashed(1), policy.crashed(2), policy.crashed(3), policy.crashed(4)]).toEqual([100, 200, 400, 500]);
    expect(policy.crashed(5)).toBeNull();
    expect(policy.crashCount).toBe(5);
  });

  it('forgets old crashes once an engine has run long enough', () => {
    const policy = new RestartPolicy({ backoff: { initialMs: 100, maxMs: 10_000 }, stableAfterMs: 1_000 });
    policy.started(0);
    expect(policy.crashed(10)).toBe(100);
    policy.started(200);
    expect(policy.crashed(300)).toBe(200);
    policy.started(500);
    expect(policy.crashed(5_000)).toBe(100);
  });
});
