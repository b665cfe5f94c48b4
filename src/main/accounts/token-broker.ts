import type { ConfidentialPlatform } from '../../shared/sync-api/oauth';
import type { TokenSet } from '../publishing/providers/connector';
import type { CodeGrant } from './token-exchange/confidential-exchange';

/**
 * Token calls made for the desktop by the Cadence sync service, which holds Cadence's own app
 * secrets (see `shared/sync-api/oauth.ts`). Errors are `TokenCallError`s, like a local exchange's.
 */
export interface TokenBroker {
  /** The client ids the service holds secrets for; empty when signed out or not configured. */
  apps(): Promise<Partial<Record<ConfidentialPlatform, string>>>;
  exchangeCode(platform: ConfidentialPlatform, grant: CodeGrant): Promise<TokenSet>;
  refresh(platform: ConfidentialPlatform, token: TokenSet): Promise<TokenSet>;
  /** Withdraws the grant at the platform with Cadence's app (see `ConfidentialExchange.revoke`). */
  revoke(platform: ConfidentialPlatform, token: TokenSet): Promise<boolean>;
}
