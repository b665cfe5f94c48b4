import { describe, expect, it } from 'vitest';
import { parseResetDuration, parseRetryAfter, retryAfterMsFromHeaders } from './retry-after';

const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('retry-after parsing', () => {
  it.each([
    ['120ms', 120],
    ['7.66s', 7660],
    ['6m0s', 360_000],
    ['2m59.56s', 179_560],
    ['1h2m3s', 3_723_000],
    ['soon', undefined],
    ['5x', undefined],
  ])('reset duration %s → %s ms', (value, ms) => {
    expect(parseResetDuration(value)).toBe(ms);
  });

  it('reads retry-after as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('20', NOW)).toBe(20_000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:45 GMT', NOW)).toBe(45_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('later', NOW)).toBeUndefined();
  });

  it('prefers retry-after-ms, then retry-after, then the reset of the exhausted limit', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(retryAfterMsFromHeaders(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(250);
    expect(retryAfterMsFromHeaders(headers({ 'retry-after': '9', 'x-ratelimit-reset-tokens': '1s' }), NOW)).toBe(9000);
    expect(
      retryAfterMsFromHeaders(
        headers({
          'x-ratelimit-remaining-requests': '10',
          'x-ratelimit-reset-requests': '1m',
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '7.5s',
        }),
        NOW,
      ),
    ).toBe(7500);
    expect(
      retryAfterMsFromHeaders(
        headers({
          'anthropic-ratelimit-requests-remaining': '0',
          'anthropic-ratelimit-requests-reset': '2026-11-25T10:00:12Z',
          'anthropic-ratelimit-tokens-remaining': '5000',
          'anthropic-ratelimit-tokens-reset': '2026-11-25T10:00:50Z',
        }),
        NOW,
      ),
    ).toBe(12_000);
    expect(retryAfterMsFromHeaders(headers({}), NOW)).toBeUndefined();
    expect(retryAfterMsFromHeaders(undefined, NOW)).toBeUndefined();
  });
});
