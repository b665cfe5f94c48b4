import { describe, expect, it } from 'vitest';
import type { AccountHealth } from '../../../shared/domain/accounts';
import { accountBadge, connectMethod, connectStatusText, displayHandle } from './connect-method';

const account = (over: Partial<AccountHealth>): AccountHealth => ({
  id: 'a',
  platform: 'x',
  handle: 'cadence',
  displayName: 'Cadence',
  source: 'connected',
  instanceUrl: null,
  status: 'valid',
  statusDetail: 'Fine',
  expiresAt: null,
  scopes: [],
  requiredScopes: [],
  missingScopes: [],
  refreshesAutomatically: true,
  ...over,
});

describe('connectMethod', () => {
  it.each([
    ['bluesky', 'app-password'],
    ['mastodon', 'instance'],
    ['x', 'oauth'],
    ['linkedin', 'oauth'],
  ] as const)('%s connects with %s', (platform, method) => {
    expect(connectMethod(platform)).toBe(method);
  });
});

describe('accountBadge', () => {
  it.each([
    [{ status: 'valid' }, 'Valid', 'good'],
    [{ status: 'expiring' }, 'Expiring', 'warn'],
    [{ status: 'needs_reconnect' }, 'Needs reconnect', 'bad'],
    [{ status: 'missing_scope' }, 'Missing scope', 'bad'],
    [{ source: 'disconnected', status: null }, 'Disconnected', 'muted'],
    [{ source: 'import', status: null }, 'Imported', 'muted'],
  ] as const)('%o → %s', (over, label, tone) => {
    expect(accountBadge(account(over))).toEqual({ label, tone });
  });
});

describe('connectStatusText', () => {
  it('says what each state means', () => {
    expect(connectStatusText(null, null)).toBe('');
    expect(connectStatusText({ state: 'pending', platform: 'x', expiresAt: '2026-01-01T00:00:00.000Z' }, null)).toMatch(
      /Waiting/,
    );
    expect(connectStatusText({ state: 'failed', platform: 'x', reason: 'You said no' }, null)).toBe(
      'Could not connect: You said no',
    );
    expect(connectStatusText({ state: 'connected', platform: 'x', accountId: 'a' }, 'name')).toBe('Connected as @name');
  });

  it('does not double the @', () => {
    expect(displayHandle('@me')).toBe('@me');
    expect(displayHandle('me.bsky.social')).toBe('@me.bsky.social');
  });
});
