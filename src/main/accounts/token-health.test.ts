import { describe, expect, it } from 'vitest';
import { tokenHealth } from './token-health';

const now = new Date('2026-11-25T10:00:00.000Z');
const base = {
  platform: 'x' as const,
  storedStatus: 'valid',
  storedDetail: null,
  grantedScopes: [],
  requiredScopes: [],
  now,
};

describe('token health sentences', () => {
  it.each([
    [
      { accessToken: 'a', refreshToken: 'r', expiresAt: '2026-11-25T12:00:00.000Z' },
      'valid',
      'Expires in 2 h — Cadence refreshes it automatically.',
    ],
    [
      { accessToken: 'a', expiresAt: '2026-11-28T10:00:00.000Z' },
      'expiring',
      'Expires in 3 days — X gives no way to renew it, so reconnect before then.',
    ],
    [{ accessToken: 'a', expiresAt: '2027-01-24T10:00:00.000Z' }, 'valid', 'Expires in 60 days.'],
    [
      { accessToken: 'a', expiresAt: '2026-11-20T10:00:00.000Z' },
      'needs_reconnect',
      'X needs you to reconnect: the token expired on 2026-11-20.',
    ],
    [{ accessToken: 'a' }, 'valid', 'Connected; this token does not expire.'],
    [null, 'needs_reconnect', 'X needs you to reconnect: Cadence has no token for this account on this computer.'],
  ])('%j → %s', (token, status, detail) => {
    expect(tokenHealth({ ...base, token })).toMatchObject({ status, detail });
  });
});
