import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';

/** What each platform calls an app's id and secret, and where a creator registers one. */
export interface OwnAppGuide {
  /** The app's maker as the creator knows it ("Meta" for Facebook, Instagram and Threads). */
  maker: string;
  idLabel: string;
  secretLabel: string;
  console: { href: string; label: string };
}

const META_CONSOLE = { href: 'https://developers.facebook.com/apps/', label: 'developers.facebook.com/apps' };

export const OWN_APP_GUIDES: Record<ConfidentialPlatform, OwnAppGuide> = {
  facebook: { maker: 'Meta', idLabel: 'App ID', secretLabel: 'App secret', console: META_CONSOLE },
  instagram: {
    maker: 'Meta',
    idLabel: 'Instagram app ID',
    secretLabel: 'Instagram app secret',
    console: META_CONSOLE,
  },
  threads: { maker: 'Meta', idLabel: 'Threads app ID', secretLabel: 'Threads app secret', console: META_CONSOLE },
  tiktok: {
    maker: 'TikTok',
    idLabel: 'Client key',
    secretLabel: 'Client secret',
    console: { href: 'https://developers.tiktok.com/apps/', label: 'developers.tiktok.com/apps' },
  },
  linkedin: {
    maker: 'LinkedIn',
    idLabel: 'Client ID',
    secretLabel: 'Client secret',
    console: { href: 'https://www.linkedin.com/developers/apps', label: 'linkedin.com/developers/apps' },
  },
  youtube: {
    maker: 'Google',
    idLabel: 'Client ID',
    secretLabel: 'Client secret',
    console: {
      href: 'https://console.cloud.google.com/apis/credentials',
      label: 'console.cloud.google.com/apis/credentials',
    },
  },
};

/** The same limits `accounts:save-own-app` applies, checked before the secret leaves the form. */
const ID_MAX = 200;
const SECRET_MAX = 500;

export type OwnAppInput =
  | { ok: true; clientId: string; clientSecret: string }
  | { ok: false; errors: { clientId?: string; clientSecret?: string } };

/** The typed id and secret, trimmed, or what to fix in each field (named as the platform names it). */
export function checkOwnAppInput(platform: ConfidentialPlatform, clientId: string, clientSecret: string): OwnAppInput {
  const guide = OWN_APP_GUIDES[platform];
  const id = clientId.trim();
  const secret = clientSecret.trim();
  const errors: { clientId?: string; clientSecret?: string } = {};
  if (id === '') errors.clientId = `Enter the ${guide.idLabel}.`;
  else if (id.length > ID_MAX)
    errors.clientId = `That ${guide.idLabel} is too long; copy it again from ${guide.maker}.`;
  if (secret === '') errors.clientSecret = `Enter the ${guide.secretLabel}.`;
  else if (secret.length > SECRET_MAX)
    errors.clientSecret = `That ${guide.secretLabel} is too long; copy it again from ${guide.maker}.`;
  return errors.clientId || errors.clientSecret
    ? { ok: false, errors }
    : { ok: true, clientId: id, clientSecret: secret };
}
