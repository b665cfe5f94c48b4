import type { Platform } from '../../../shared/domain/platform';
import type { AuthSpec, PlatformConnector } from './connector';

/** Makes a platform's connector (each providers/<platform>/ exports one). */
export type ConnectorFactory = () => PlatformConnector;

/** Each platform's API base by default; Mastodon's is the account's instance. */
export const DEFAULT_API_BASES: Partial<Record<Platform, string>> = {
  x: 'https://api.x.com',
  linkedin: 'https://api.linkedin.com',
  instagram: 'https://graph.instagram.com',
  facebook: 'https://graph.facebook.com',
  youtube: 'https://www.googleapis.com',
  tiktok: 'https://open.tiktokapis.com',
  threads: 'https://graph.threads.net',
  bluesky: 'https://bsky.social',
};

export interface ConnectorRegistryOptions {
  factories?: Partial<Record<Platform, ConnectorFactory>>;
  /** Base URL per platform (peers in tests and the e2e); wins over CADENCE_API_BASE_<PLATFORM>. */
  baseUrls?: Partial<Record<Platform, string>>;
  /** OAuth client id per platform; wins over CADENCE_OAUTH_CLIENT_ID_<PLATFORM>. */
  clientIds?: Partial<Record<Platform, string>>;
  /** Where the env overrides are read (process.env by default; read on each call). */
  env?: Record<string, string | undefined>;
}

/** The authorization server endpoints for one connect, after base overrides. */
export interface OAuthEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string | null;
}

/**
 * Platform → connector, and where each platform's API lives. Tests and the e2e point a platform at
 * a peer with `CADENCE_API_BASE_<PLATFORM>` (or the `baseUrls` option); the OAuth endpoints then
 * move to the same origin, keeping their paths, so one peer serves the API and its sign-in.
 */
export class ConnectorRegistry {
  private readonly factories = new Map<Platform, ConnectorFactory>();
  private readonly connectors = new Map<Platform, PlatformConnector>();
  private readonly baseUrls: Partial<Record<Platform, string>>;
  private readonly clientIds: Partial<Record<Platform, string>>;
  private readonly env: Record<string, string | undefined>;

  constructor(options: ConnectorRegistryOptions = {}) {
    for (const [platform, factory] of Object.entries(options.factories ?? {})) {
      if (factory) this.factories.set(platform as Platform, factory);
    }
    this.baseUrls = { ...options.baseUrls };
    this.clientIds = { ...options.clientIds };
    this.env = options.env ?? process.env;
  }

  register(platform: Platform, factory: ConnectorFactory): void {
    this.factories.set(platform, factory);
    this.connectors.delete(platform);
  }

  /** Points a platform at another server (a peer); null goes back to the default. */
  setBaseUrl(platform: Platform, baseUrl: string | null): void {
    if (baseUrl === null) delete this.baseUrls[platform];
    else this.baseUrls[platform] = baseUrl;
  }

  setClientId(platform: Platform, clientId: string): void {
    this.clientIds[platform] = clientId;
  }

  has(platform: Platform): boolean {
    return this.factories.has(platform);
  }

  platforms(): Platform[] {
    return [...this.factories.keys()];
  }

  /** The platform's connector, or null when Cadence cannot publish there yet. */
  connector(platform: Platform): PlatformConnector | null {
    const made = this.connectors.get(platform);
    if (made) return made;
    const factory = this.factories.get(platform);
    if (!factory) return null;
    const connector = factory();
    this.connectors.set(platform, connector);
    return connector;
  }

  /** An override for the platform's base, if any (option first, then the environment). */
  override(platform: Platform): string | null {
    return this.baseUrls[platform] ?? this.env[`CADENCE_API_BASE_${platform.toUpperCase()}`] ?? null;
  }

  /** The API base for an account: the override, else the instance (Mastodon), else the platform's. */
  baseUrl(platform: Platform, instanceUrl: string | null = null): string {
    const base = this.override(platform) ?? instanceUrl ?? DEFAULT_API_BASES[platform];
    if (!base) throw new Error(`No API address is known for ${platform}`);
    return trimSlash(base);
  }

  clientId(platform: Platform): string | null {
    return this.clientIds[platform] ?? this.env[`CADENCE_OAUTH_CLIENT_ID_${platform.toUpperCase()}`] ?? null;
  }

  /** The OAuth endpoints of an oauth2-pkce platform, moved to the override's origin when one is set. */
  oauthEndpoints(platform: Platform, auth: Extract<AuthSpec, { kind: 'oauth2-pkce' }>): OAuthEndpoints {
    const override = this.override(platform);
    const move = (url: string): string => (override ? rebase(url, override) : url);
    return {
      authorizeUrl: move(auth.authorizeUrl),
      tokenUrl: move(auth.tokenUrl),
      revokeUrl: auth.revokeUrl ? move(auth.revokeUrl) : null,
    };
  }
}

/** Mastodon's OAuth endpoints live on the instance (or its peer). */
export function mastodonEndpoints(base: string): OAuthEndpoints {
  const root = trimSlash(base);
  return {
    authorizeUrl: `${root}/oauth/authorize`,
    tokenUrl: `${root}/oauth/token`,
    revokeUrl: `${root}/oauth/revoke`,
  };
}

function rebase(url: string, base: string): string {
  const original = new URL(url);
  const target = new URL(base);
  return `${target.origin}${original.pathname}${original.search}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
