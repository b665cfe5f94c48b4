import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import type { TokenSet } from '../../publishing/providers/connector';

/** An app registered with a platform: its client id and the secret that must not ship in Cadence. */
export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

/** What came back on the loopback redirect, and what the code was issued against. */
export interface CodeGrant {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

/** Where the platform's token calls go (the platform's hosts, or one peer in tests) and the time. */
export interface ExchangeTarget {
  /** The token endpoint of the connector's AuthSpec (moved to a peer when overridden). */
  tokenUrl: string;
  /** The API base (Meta's long-lived exchange and refresh live on the graph host, not the token host). */
  apiBaseUrl: string;
  now: Date;
  signal?: AbortSignal;
}

/**
 * The token calls of one platform whose token endpoint needs the client secret. The same code runs
 * on the desktop (the creator's own app, secret in the keychain) and in the sync service's sign-in
 * broker (Cadence's app). Failures throw `TokenCallError` from `../oauth-client`: 'revoked' when the
 * platform refused the grant (the creator must reconnect), 'transient' for anything worth retrying.
 */
export interface ConfidentialExchange {
  readonly platform: ConfidentialPlatform;
  /** Code → tokens, including the long-lived exchange where the platform has one (Meta). */
  exchangeCode(app: AppCredentials, grant: CodeGrant, target: ExchangeTarget): Promise<TokenSet>;
  /** Renews the token; throws 'revoked' when the platform has no renewal (Facebook: sign in again). */
  refresh(app: AppCredentials, token: TokenSet, target: ExchangeTarget): Promise<TokenSet>;
  /**
   * Withdraws the grant at the platform (disconnect). True when the platform confirmed it; false when
   * it has no revocation for this token; throws `TokenCallError` 'transient' when it failed to answer.
   */
  revoke(app: AppCredentials, token: TokenSet, target: ExchangeTarget): Promise<boolean>;
}
