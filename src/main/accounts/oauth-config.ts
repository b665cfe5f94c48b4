import { ContractError } from '../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { PlatformConnector } from '../publishing/providers/connector';
import { type ConnectorRegistry, mastodonEndpoints } from '../publishing/providers/registry';
import {
  type ClientSources,
  type ConfidentialClient,
  confidentialClient,
  noClientMessage,
  type SignInMode,
} from './confidential-client';
import { MASTODON_SCOPES, mastodonApp } from './mastodon-app';
import type { OAuthClientConfig } from './oauth-client';
import type { TokenStore } from './token-store';
import { confidentialPlatformSchema } from '../../shared/sync-api/oauth';

/** How the authorize URL is written (TikTok's desktop flow differs from RFC 6749 / 7636 in all three). */
export interface AuthorizeStyle {
  clientIdParam: string;
  scopeSeparator: string;
  pkceChallengeEncoding: 'base64url' | 'hex';
}

const RFC_STYLE: AuthorizeStyle = {
  clientIdParam: 'client_id',
  scopeSeparator: ' ',
  pkceChallengeEncoding: 'base64url',
};

export interface OAuthSetup {
  connector: PlatformConnector;
  config: OAuthClientConfig;
  scopes: string[];
  requiredScopes: string[];
  /** The API base the connector talks to (the instance for Mastodon). */
  baseUrl: string;
  authorize: AuthorizeStyle;
  /** Set for platforms whose token calls need a secret (own app or sync broker); null for public clients. */
  confidential: ConfidentialClient | null;
}

export interface SetupOptions {
  /** Register a Mastodon app when the instance has none yet (connecting), or not (renewing, revoking). */
  register: boolean;
  /** Where confidential clients come from; without it a confidential platform is unavailable. */
  sources?: ClientSources;
  /** Renewals and revocations use the client the account was connected with. */
  only?: SignInMode;
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
  options: SetupOptions,
): Promise<OAuthSetup> {
  const label = PLATFORM_LABELS[platform];
  const connector = registry.connector(platform);
  if (!connector) throw new ContractError('UNAVAILABLE', `Cadence cannot connect ${label} accounts yet.`);
  const auth = connector.auth;
  if (auth.kind === 'oauth2-pkce') {
    const authorize: AuthorizeStyle = {
      clientIdParam: auth.clientIdParam ?? RFC_STYLE.clientIdParam,
      scopeSeparator: auth.scopeSeparator ?? RFC_STYLE.scopeSeparator,
      pkceChallengeEncoding: auth.pkceChallengeEncoding ?? RFC_STYLE.pkceChallengeEncoding,
    };
    const common = {
      connector,
      scopes: auth.scopes,
      requiredScopes: auth.requiredScopes,
      baseUrl: registry.baseUrl(platform, instanceUrl),
      authorize,
    };
    const confidentialPlatform = confidentialPlatformSchema.safeParse(platform);
    if (auth.exchange === 'confidential' && confidentialPlatform.success) {
      const client = options.sources
        ? await confidentialClient(confidentialPlatform.data, options.sources, options.only)
        : null;
      if (!client) throw new ContractError('UNAVAILABLE', noClientMessage(confidentialPlatform.data));
      return {
        ...common,
        config: {
          endpoints: registry.oauthEndpoints(platform, auth),
          clientId: client.clientId,
          ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
        },
        confidential: client,
      };
    }
    const clientId = registry.clientId(platform);
    if (!clientId) {
      throw new ContractError(
        'UNAVAILABLE',
        `Cadence has no ${label} app id configured (set CADENCE_OAUTH_CLIENT_ID_${platform.toUpperCase()}).`,
      );
    }
    return {
      ...common,
      config: { endpoints: registry.oauthEndpoints(platform, auth), clientId },
      confidential: null,
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
      authorize: RFC_STYLE,
      confidential: null,
    };
  }
  throw new ContractError('VALIDATION_FAILED', `${label} connects with an app password, not a sign-in page.`);
}
