import type { OwnApp, SignInOption } from '../../shared/domain/accounts';
import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../../shared/domain/platform';
import { type ConfidentialPlatform, confidentialPlatformSchema } from '../../shared/sync-api/oauth';
import type { ConnectorRegistry } from '../publishing/providers/registry';
import { noClientMessage } from './confidential-client';

/**
 * How Cadence signs in to each platform right now, with a sentence the Accounts page shows:
 * the creator's own app wins over Cadence's app through sync (the same order `oauthSetup` picks).
 */
export function signInOptions(
  registry: ConnectorRegistry,
  ownApps: OwnApp[],
  brokerApps: Partial<Record<ConfidentialPlatform, string>>,
): SignInOption[] {
  return PLATFORMS.map((platform) => option(platform, registry, ownApps, brokerApps));
}

function option(
  platform: Platform,
  registry: ConnectorRegistry,
  ownApps: OwnApp[],
  brokerApps: Partial<Record<ConfidentialPlatform, string>>,
): SignInOption {
  const label = PLATFORM_LABELS[platform];
  const auth = registry.connector(platform)?.auth;
  if (!auth) return { platform, via: 'unavailable', detail: `Cadence cannot connect ${label} accounts yet.` };
  if (auth.kind === 'app-password') {
    return {
      platform,
      via: 'app-password',
      detail: `${label} connects with an app password you create in its settings.`,
    };
  }
  if (auth.kind === 'mastodon-app') {
    return { platform, via: 'instance-app', detail: 'Cadence registers its own app on your server when you connect.' };
  }
  const confidential = confidentialPlatformSchema.safeParse(platform);
  if (auth.exchange === 'confidential' && confidential.success) {
    const own = ownApps.find((app) => app.platform === platform);
    if (own) return { platform, via: 'own-app', detail: `Signs in through your own app (app id ${own.clientId}).` };
    if (brokerApps[confidential.data]) {
      return {
        platform,
        via: 'cadence-sync',
        detail: "Signs in through Cadence's app, via your Cadence sync account.",
      };
    }
    return { platform, via: 'unavailable', detail: noClientMessage(confidential.data) };
  }
  if (registry.clientId(platform)) {
    return { platform, via: 'public', detail: `Signs in through ${label}'s page with PKCE; no app secret is needed.` };
  }
  return {
    platform,
    via: 'unavailable',
    detail: `Cadence has no ${label} app id configured (set CADENCE_OAUTH_CLIENT_ID_${platform.toUpperCase()}).`,
  };
}
