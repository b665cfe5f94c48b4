import { PLATFORM_LABELS } from '../../shared/domain/platform';
import type { ConfidentialPlatform } from '../../shared/sync-api/oauth';
import type { TokenSet } from '../publishing/providers/connector';
import { TokenCallError } from './oauth-client';
import type { OwnAppStore } from './own-apps';
import type { TokenBroker } from './token-broker';
import type { CodeGrant } from './token-exchange/confidential-exchange';
import { type BaseOverrides, CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from './token-exchange/index';

/** Which client made an account's token calls; stored in the token's `extra` so renewals use the same one. */
export type SignInMode = 'own-app' | 'cadence-sync';
export const SIGN_IN_KEY = 'signIn';

/** Where a confidential platform's client comes from: the creator's own apps, the sync broker, the overrides. */
export interface ClientSources {
  ownApps: OwnAppStore;
  broker: TokenBroker | null;
  overrides: BaseOverrides;
}

/** A platform client that holds a secret somewhere: the token calls go through it, not oauth4webapi. */
export interface ConfidentialClient {
  mode: SignInMode;
  clientId: string;
  /** Set in own-app mode only (revocation at LinkedIn and Google takes it). */
  clientSecret?: string;
  exchangeCode(grant: CodeGrant, now: Date): Promise<TokenSet>;
  refresh(token: TokenSet, now: Date): Promise<TokenSet>;
  /** Withdraws the grant at the platform (see `ConfidentialExchange.revoke`); false when it has no way to. */
  revoke(token: TokenSet, now: Date): Promise<boolean>;
}

/** What the creator registers for each platform family (said in "add your own … app"). */
export const OWN_APP_NAMES: Record<ConfidentialPlatform, string> = {
  facebook: 'Meta',
  instagram: 'Meta',
  threads: 'Meta (Threads)',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  youtube: 'Google Cloud',
};

export function signInModeOf(token: TokenSet | null): SignInMode | null {
  const mode = token?.extra?.[SIGN_IN_KEY];
  return mode === 'own-app' || mode === 'cadence-sync' ? mode : null;
}

const tag = (token: TokenSet, mode: SignInMode): TokenSet => ({
  ...token,
  extra: { ...token.extra, [SIGN_IN_KEY]: mode },
});

/**
 * The client for a confidential platform: the creator's own app first, else Cadence's app through
 * the sync broker, else null. With `only` (a renewal), just the mode the account was connected with.
 */
export async function confidentialClient(
  platform: ConfidentialPlatform,
  sources: ClientSources,
  only?: SignInMode,
): Promise<ConfidentialClient | null> {
  if (only !== 'cadence-sync') {
    const app = await sources.ownApps.credentials(platform);
    if (app) {
      const exchange = CONFIDENTIAL_EXCHANGES[platform];
      return {
        mode: 'own-app',
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        exchangeCode: async (grant, now) =>
          tag(
            await exchange.exchangeCode(app, grant, defaultExchangeTarget(platform, sources.overrides, now)),
            'own-app',
          ),
        refresh: async (token, now) =>
          tag(await exchange.refresh(app, token, defaultExchangeTarget(platform, sources.overrides, now)), 'own-app'),
        revoke: (token, now) => exchange.revoke(app, token, defaultExchangeTarget(platform, sources.overrides, now)),
      };
    }
    if (only === 'own-app') return null;
  }
  const broker = sources.broker;
  if (!broker) return null;
  const clientId = await broker.apps().then(
    (apps) => apps[platform] ?? null,
    () => null,
  );
  // A renewal or a revocation goes to the broker even when it lists no app right now: it answers why itself.
  if (!clientId && only !== 'cadence-sync') return null;
  return {
    mode: 'cadence-sync',
    clientId: clientId ?? '',
    exchangeCode: async (grant) => tag(await broker.exchangeCode(platform, grant), 'cadence-sync'),
    refresh: async (token) => tag(await broker.refresh(platform, token), 'cadence-sync'),
    revoke: (token) => broker.revoke(platform, token),
  };
}

/** Why a confidential platform cannot sign in, and what to do about it. */
export function noClientMessage(platform: ConfidentialPlatform): string {
  const label = PLATFORM_LABELS[platform];
  return `Cadence cannot sign in to ${label} on its own: ${label} only hands out tokens to an app with a secret. Sign in to Cadence sync, or add your own ${OWN_APP_NAMES[platform]} app in Accounts.`;
}

/** A renewal whose client is gone (own app removed, or no sync): the creator has to act. */
export function clientGoneError(platform: ConfidentialPlatform, mode: SignInMode): TokenCallError {
  const label = PLATFORM_LABELS[platform];
  return mode === 'own-app'
    ? new TokenCallError(
        'revoked',
        `your own ${OWN_APP_NAMES[platform]} app was removed from Cadence, so ${label} cannot be renewed; add the app again in Accounts, or reconnect`,
        'no_client',
      )
    : new TokenCallError('transient', `Cadence sync is not available to renew ${label}; sign in to Cadence sync`);
}
