import { describe, expect, it } from 'vitest';
import { graphError, readGraphRateLimits } from './graph.http';

describe('Meta Graph helpers', () => {
  it('reads x-app-usage and x-business-use-case-usage as percentage buckets with a regain time', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = new Headers({
      'x-app-usage': '{"call_count":28,"total_time":40,"total_cputime":5}',
      'x-business-use-case-usage':
        '{"178414":[{"type":"instagram","call_count":100,"total_cputime":3,"total_time":2,"estimated_time_to_regain_access":15}]}',
    });
    expect(readGraphRateLimits(headers, now)).toEqual([
      { bucket: 'app', limit: 100, remaining: 60, resetAt: null },
      { bucket: 'business:178414:instagram', limit: 100, remaining: 0, resetAt: '2026-01-01T00:15:00.000Z' },
    ]);
    expect(readGraphRateLimits(new Headers({ 'x-app-usage': 'not json' }), now)).toEqual([]);
  });

  it('maps Graph error codes to the kinds the queue acts on', () => {
    const kind = (code: number, sub?: number, status = 400) =>
      graphError('Instagram', status, { message: 'm', code, ...(sub ? { error_subcode: sub } : {}) }, null).kind;
    expect(kind(190)).toBe('auth_expired');
    expect(kind(190, 463)).toBe('auth_expired');
    expect(kind(190, 460)).toBe('auth_revoked');
    expect(kind(10)).toBe('missing_scope');
    expect(kind(200)).toBe('missing_scope');
    for (const code of [4, 17, 32, 613]) expect(kind(code)).toBe('rate_limited');
    expect(kind(9, 2207042)).toBe('rate_limited');
    expect(kind(2, undefined, 500)).toBe('server');
    expect(kind(100, 33)).toBe('not_found');
    expect(kind(100)).toBe('invalid');
    expect(graphError('Threads', 400, { message: 'Bad', code: 100, error_user_msg: 'Fix it' }, null).message).toBe(
      'Threads: Bad Fix it',
    );
  });
});
