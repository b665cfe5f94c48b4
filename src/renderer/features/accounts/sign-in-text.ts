import type { OwnApp, SignInOption } from '../../../shared/domain/accounts';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { CONFIDENTIAL_PLATFORMS, type ConfidentialPlatform } from '../../../shared/sync-api/oauth';

/** How each sign-in route reads on the Accounts page. */
export const VIA_TEXT: Record<SignInOption['via'], string> = {
  'own-app': 'Via your own app',
  'cadence-sync': 'Via Cadence sync',
  public: 'Directly (no app secret needed)',
  'app-password': 'With an app password',
  'instance-app': "Via your server's app",
  unavailable: 'Not available',
};

/** One platform's line in "How Cadence signs in". */
export interface SignInRow {
  platform: Platform;
  via: SignInOption['via'];
  viaText: string;
  /** Main's sentence: why this route, or what to do when there is none. */
  detail: string;
  tone: 'good' | 'muted' | 'bad';
  /** Whether the creator can bring their own app for this platform (it needs a client secret). */
  ownAppAllowed: boolean;
  /** The creator's saved app (client id only; the secret never comes back). */
  ownApp: OwnApp | null;
}

export function isConfidential(platform: Platform): platform is ConfidentialPlatform {
  return (CONFIDENTIAL_PLATFORMS as readonly string[]).includes(platform);
}

/**
 * The rows in the platforms' usual order. A platform main did not describe says so rather than
 * vanishing, so a gap in the list is never silent.
 */
export function signInRows(options: readonly SignInOption[], apps: readonly OwnApp[]): SignInRow[] {
  const byPlatform = new Map(options.map((option) => [option.platform, option]));
  return PLATFORMS.map((platform) => {
    const option = byPlatform.get(platform) ?? {
      platform,
      via: 'unavailable' as const,
      detail: 'Cadence did not say how it signs in here; reopen this page to ask again.',
    };
    return {
      platform,
      via: option.via,
      viaText: VIA_TEXT[option.via],
      detail: option.detail,
      tone: option.via === 'unavailable' ? 'bad' : option.via === 'own-app' ? 'good' : 'muted',
      ownAppAllowed: isConfidential(platform),
      ownApp: apps.find((app) => app.platform === platform) ?? null,
    };
  });
}
