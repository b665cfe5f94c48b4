import { ContractError } from '../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { TokenSet } from '../publishing/providers/connector';
import type { ConnectorRegistry } from '../publishing/providers/registry';
import { type ClientSources, OWN_APP_NAMES, signInModeOf } from './confidential-client';
import { revokeToken } from './oauth-client';
import { oauthSetup } from './oauth-config';
import type { TokenStore } from './token-store';
import { confidentialPlatformSchema } from '../../shared/sync-api/oauth';

/**
 * Where a creator removes Cadence by hand when Cadence could not withdraw its access itself: each
 * platform's own "connected apps" page, as its help pages name it.
 */
export const MANUAL_REMOVAL: Record<Platform, string> = {
  x: 'X → Settings and privacy → Security and account access → Apps and sessions → Connected apps (x.com/settings/connected_apps)',
  linkedin: 'LinkedIn → Settings → Data privacy → Permitted services',
  instagram: 'Instagram → Settings → Website permissions → Apps and websites (instagram.com/accounts/manage_access)',
  facebook: 'Facebook → Settings & privacy → Settings → Business integrations',
  youtube:
    'your Google Account → Security → Your connections to third-party apps & services (myaccount.google.com/connections)',
  tiktok: 'TikTok → Settings and privacy → Security and permissions → Apps and services permissions',
  threads: 'Threads → Settings → Account → Website permissions',
  bluesky: 'Bluesky → Settings → Privacy and security → App passwords (delete the one Cadence used)',
  mastodon: 'your Mastodon server → Preferences → Account → Authorized apps (/oauth/authorized_applications)',
};

/** Platforms whose APIs give an app no way to withdraw its own access (see token-exchange/instagram.ts, threads.ts). */
const NO_REVOCATION: Partial<Record<Platform, string>> = {
  instagram: 'Instagram gives apps no way to withdraw their own access',
  threads: 'Threads gives apps no way to withdraw their own access',
  // An app password can only be deleted with the account's own password, which Cadence never sees.
  bluesky: 'only you can delete the app password Cadence used',
};

export interface Withdrawal {
  /** The platform confirmed that Cadence's access is gone. */
  revoked: boolean;
  /** When not: why, in words for the creator. */
  why: string | null;
}

export interface WithdrawInput {
  registry: ConnectorRegistry;
  store: TokenStore;
  sources: ClientSources;
  platform: Platform;
  instanceUrl: string | null;
  token: TokenSet;
  now: Date;
}

/**
 * Withdraws an account's grant at the platform, through the client the account was connected with:
 * the creator's own app or Cadence's app on the sync broker for confidential platforms (TikTok and
 * LinkedIn take the secret for it), RFC 7009 with the public client otherwise. Never throws: the
 * token is deleted locally whatever happens here, and `why` says what stopped the withdrawal.
 */
export async function withdrawAccess(input: WithdrawInput): Promise<Withdrawal> {
  const { platform, token } = input;
  const label = PLATFORM_LABELS[platform];
  const none = NO_REVOCATION[platform];
  if (none) return { revoked: false, why: none };
  const mode = signInModeOf(token);
  let setup;
  try {
    setup = await oauthSetup(input.registry, input.store, platform, input.instanceUrl, {
      register: false,
      sources: input.sources,
      ...(mode ? { only: mode } : {}),
    });
  } catch (error) {
    return { revoked: false, why: noClientReason(platform, mode, error) };
  }
  try {
    const revoked = setup.confidential
      ? await setup.confidential.revoke(token, input.now)
      : await revokePublic(setup.config, token);
    return revoked ? { revoked, why: null } : { revoked, why: `${label} did not confirm it` };
  } catch (error) {
    return { revoked: false, why: error instanceof Error ? trimStop(error.message) : `${label} could not be reached` };
  }
}

/** The sentence the account keeps after a disconnect. */
export function disconnectDetail(platform: Platform, withdrawal: Withdrawal): string {
  const label = PLATFORM_LABELS[platform];
  if (withdrawal.revoked) {
    return `Disconnected: ${label} withdrew Cadence's access and the token was deleted; history is kept.`;
  }
  return `Disconnected: the token was deleted from this computer, but Cadence could not withdraw its access at ${label} (${withdrawal.why ?? 'no answer'}). Remove Cadence there by hand: ${MANUAL_REMOVAL[platform]}. History is kept.`;
}

async function revokePublic(config: Parameters<typeof revokeToken>[0], token: TokenSet): Promise<boolean> {
  if (!config.endpoints.revokeUrl) return false;
  // The refresh token first: revoking it ends the grant on servers that tie access tokens to it.
  const revoked = await revokeToken(config, token.refreshToken ?? token.accessToken);
  if (token.refreshToken) await revokeToken(config, token.accessToken);
  return revoked;
}

function noClientReason(platform: Platform, mode: ReturnType<typeof signInModeOf>, error: unknown): string {
  const confidential = confidentialPlatformSchema.safeParse(platform);
  if (confidential.success && mode === 'own-app') {
    return `the ${OWN_APP_NAMES[confidential.data]} app it was connected with is no longer in Cadence`;
  }
  if (confidential.success && mode === 'cadence-sync') return 'Cadence sync is not available on this computer';
  if (error instanceof ContractError) return trimStop(error.message);
  return error instanceof Error ? trimStop(error.message) : 'no app to ask with';
}

const trimStop = (text: string): string => text.replace(/[.\s]+$/, '');
