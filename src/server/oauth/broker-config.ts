import { z } from 'zod';
import { CONFIDENTIAL_PLATFORMS, type ConfidentialPlatform } from '../../shared/sync-api/oauth';
import type { AppCredentials } from '../../main/accounts/token-exchange/confidential-exchange';

/**
 * The sign-in broker's settings: per platform, Cadence's app (`OAUTH_<PLATFORM>_CLIENT_ID` and
 * `OAUTH_<PLATFORM>_CLIENT_SECRET`, both or neither) and where its token calls go
 * (`OAUTH_<PLATFORM>_BASE_URL`, a peer in tests; the platform's own hosts when unset).
 */

/** An unset variable and an empty one (`OAUTH_X_CLIENT_ID=` in an env file) mean the same: not set. */
const optionalValue = z
  .string()
  .max(4_000)
  .optional()
  .transform((value) => value?.trim() || undefined);
const optionalUrl = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());

/** Spread into the service's env schema (config.ts); spelled out so each name is greppable. */
export const brokerEnvShape = {
  OAUTH_FACEBOOK_CLIENT_ID: optionalValue,
  OAUTH_FACEBOOK_CLIENT_SECRET: optionalValue,
  OAUTH_FACEBOOK_BASE_URL: optionalUrl,
  OAUTH_INSTAGRAM_CLIENT_ID: optionalValue,
  OAUTH_INSTAGRAM_CLIENT_SECRET: optionalValue,
  OAUTH_INSTAGRAM_BASE_URL: optionalUrl,
  OAUTH_THREADS_CLIENT_ID: optionalValue,
  OAUTH_THREADS_CLIENT_SECRET: optionalValue,
  OAUTH_THREADS_BASE_URL: optionalUrl,
  OAUTH_TIKTOK_CLIENT_ID: optionalValue,
  OAUTH_TIKTOK_CLIENT_SECRET: optionalValue,
  OAUTH_TIKTOK_BASE_URL: optionalUrl,
  OAUTH_LINKEDIN_CLIENT_ID: optionalValue,
  OAUTH_LINKEDIN_CLIENT_SECRET: optionalValue,
  OAUTH_LINKEDIN_BASE_URL: optionalUrl,
  OAUTH_YOUTUBE_CLIENT_ID: optionalValue,
  OAUTH_YOUTUBE_CLIENT_SECRET: optionalValue,
  OAUTH_YOUTUBE_BASE_URL: optionalUrl,
} satisfies Record<BrokerEnvName, z.ZodType>;

type Upper<P extends string> = Uppercase<P>;
type BrokerEnvName = `OAUTH_${Upper<ConfidentialPlatform>}_${'CLIENT_ID' | 'CLIENT_SECRET' | 'BASE_URL'}`;
export type BrokerEnv = { [K in BrokerEnvName]?: string | undefined };

function names(platform: ConfidentialPlatform) {
  const prefix = `OAUTH_${platform.toUpperCase() as Upper<ConfidentialPlatform>}` as const;
  return {
    id: `${prefix}_CLIENT_ID` as const,
    secret: `${prefix}_CLIENT_SECRET` as const,
    baseUrl: `${prefix}_BASE_URL` as const,
  };
}

/**
 * A platform with only one half of its app set is an operator's slip that would otherwise show up
 * as a puzzling sign-in failure much later: the service refuses to start and names the variable.
 */
export function checkBrokerPairs(env: BrokerEnv, context: z.RefinementCtx): void {
  for (const platform of CONFIDENTIAL_PLATFORMS) {
    const { id, secret } = names(platform);
    const hasId = env[id] !== undefined;
    const hasSecret = env[secret] !== undefined;
    if (hasId === hasSecret) continue;
    const [missing, present] = hasId ? [secret, id] : [id, secret];
    context.addIssue({
      code: 'custom',
      path: [missing],
      message: `${present} is set but ${missing} is not; set both to offer ${platform} sign-in through this server, or neither.`,
    });
  }
}

/** One platform's app on this server, and where its token calls go. */
export interface BrokerApp {
  platform: ConfidentialPlatform;
  credentials: AppCredentials;
  /** OAUTH_<PLATFORM>_BASE_URL: the token calls go to this origin instead of the platform's. */
  baseUrlOverride: string | null;
}

/** The apps configured in the environment, in the contract's platform order. */
export function brokerAppsFrom(env: BrokerEnv): BrokerApp[] {
  const apps: BrokerApp[] = [];
  for (const platform of CONFIDENTIAL_PLATFORMS) {
    const key = names(platform);
    const clientId = env[key.id];
    const clientSecret = env[key.secret];
    if (!clientId || !clientSecret) continue;
    apps.push({ platform, credentials: { clientId, clientSecret }, baseUrlOverride: env[key.baseUrl] ?? null });
  }
  return apps;
}
