import type { Platform } from '../../shared/domain/platform';
import {
  type AccountIdentity,
  type AuthSpec,
  ConnectorError,
  type ConnectorContext,
  type PlatformConnector,
} from '../publishing/providers/connector';

/**
 * A connector with only what the accounts domain calls (auth spec and whoAmI) against the OAuth
 * peer in test/peers/oauth; publishing methods are not part of these tests and refuse.
 */
export function peerConnector(platform: Platform, auth: AuthSpec): PlatformConnector {
  const refuse = (): never => {
    throw new ConnectorError('invalid', 'not part of the accounts tests');
  };
  return {
    platform,
    auth,
    validate: () => [],
    publish: async () => refuse(),
    checkStatus: async () => refuse(),
    findExisting: async () => refuse(),
    delete: async () => refuse(),
    postMetrics: async () => refuse(),
    accountMetrics: async () => refuse(),
    whoAmI: (context) => whoAmI(platform, context),
  };
}

async function whoAmI(platform: Platform, context: ConnectorContext): Promise<AccountIdentity> {
  const path = platform === 'mastodon' ? '/api/v1/accounts/verify_credentials' : '/me';
  const response = await fetch(`${context.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${context.token.accessToken}` },
  });
  if (response.status === 401) throw new ConnectorError('auth_expired', 'The token was refused', { status: 401 });
  if (!response.ok) throw new ConnectorError('server', `HTTP ${response.status}`, { status: response.status });
  const body = (await response.json()) as Record<string, unknown>;
  return {
    externalId: String(body.id),
    handle: String(body.username),
    displayName: String(body.name ?? body.display_name ?? ''),
  };
}

/** LinkedIn-like OAuth 2.0 + PKCE spec; the registry moves these URLs to the peer's origin. */
export const PKCE_AUTH: AuthSpec = {
  kind: 'oauth2-pkce',
  authorizeUrl: 'https://auth.platform.example/oauth2/authorize',
  tokenUrl: 'https://api.platform.example/oauth2/token',
  revokeUrl: 'https://api.platform.example/oauth2/revoke',
  scopes: ['profile', 'w_member_social'],
  requiredScopes: ['w_member_social'],
};

export const MASTODON_AUTH: AuthSpec = { kind: 'mastodon-app', scopes: ['read', 'write:statuses', 'write:media'] };

/** What the system browser does: open the authorize URL, follow the peer's redirect to the loopback. */
export async function signInThroughBrowser(
  authorizeUrl: string,
): Promise<{ status: number; page: string; location: string }> {
  const atPeer = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = atPeer.headers.get('location');
  if (atPeer.status !== 302 || !location)
    throw new Error(`authorize answered ${atPeer.status}: ${await atPeer.text()}`);
  const back = await fetch(location);
  return { status: back.status, page: await back.text(), location };
}
