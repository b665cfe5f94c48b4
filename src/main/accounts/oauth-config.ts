import { ContractError } from '../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { PlatformConnector } from '../publishing/providers/connector';
import { type ConnectorRegistry, mastodonEndpoints } from '../publishing/providers/registry';
import { MASTODON_SCOPES, mastodonApp } from './mastodon-app';
import type { OAuthClientConfig } from './oauth-client';
import type { TokenStore } from './token-store';

export interface OAuthSetup {
  connector: PlatformConnector;
  config: OAuthClientConfig;
  scopes: string[];
  requiredScopes: string[];
  /** The API base the connector talks to (the instance for Mastodon). */
  baseUrl: string;
}

/**
 * How to run OAuth for a platform: its connector, the authorization server endpoints (moved to a
 * peer when overridden), the client id, and the scopes. Mastodon registers its app on first use.
 */
export async function oauthSetup(
  registry: ConnectorRegistry,
  store: TokenStore,
  platform: Platform,
  instanceUrl: string | null,
  options: { register: boolean },
): Promise<OAuthSetup> {
  const label = PLATFORM_LABELS[platform];
  const connector = registry.connector(platform);
  if (!connector) throw new ContractError('UNAVAILABLE', `Cadence cannot connect ${label} accounts yet.`);
  const auth = connector.auth;
  if (auth.kind === 'oauth2-pkce') {
    const clientId = registry.clientId(platform);
    if (!clientId) {
      throw new ContractError(
        'UNAVAILABLE',
        `Cadence has no ${label} app id configured (set CADENCE_OAUTH_CLIENT_ID_${platform.toUpperCase()}).`,
      );
    }
    return {
      connector,
      config: { endpoints: registry.oauthEndpoints(platform, auth), clientId },
      scopes: auth.scopes,
      requiredScopes: auth.requiredScopes,
      baseUrl: registry.baseUrl(platform, instanceUrl),
    };
  }
  if (auth.kind === 'mastodon-app') {
    if (!instanceUrl) throw new ContractError('VALIDATION_FAILED', 'Mastodon needs the address of your server.');
    const base = registry.baseUrl(platform, instanceUrl);
    const app = options.register ? await mastodonApp(store, base) : await store.mastodonApp(base);
    if (!app)
      throw new ContractError('UNAVAILABLE', `Cadence has no app registered on ${base}; reconnect the account.`);
    const scopes = auth.scopes.length > 0 ? auth.scopes : MASTODON_SCOPES;
    return {
      connector,
      config: { endpoints: mastodonEndpoints(base), clientId: app.clientId, clientSecret: app.clientSecret },
      scopes,
      requiredScopes: scopes.filter((s) => s.startsWith('write')),
      baseUrl: base,
    };
  }
  throw new ContractError('VALIDATION_FAILED', `${label} connects with an app password, not a sign-in page.`);
}
