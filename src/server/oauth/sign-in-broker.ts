import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import {
  type BrokerApps,
  type BrokerToken,
  type BrokerTokenRequest,
  brokerTokenSchema,
  type ConfidentialPlatform,
} from '../../shared/sync-api/oauth';
import { TokenCallError } from '../../main/accounts/oauth-client';
import type { ConfidentialExchange, ExchangeTarget } from '../../main/accounts/token-exchange/confidential-exchange';
import { ApiError } from '../http/api-error';
import type { BrokerApp } from './broker-config';
import type { BrokerOutcome } from './broker-metrics';

/**
 * A platform's token calls that have not answered by then are given up (the device may try
 * again). Shorter than the desktop's 15 s wait for the server, so the device hears the outcome
 * rather than giving up on an exchange that then spends the one-time code.
 */
const CALL_TIMEOUT_MS = 12_000;

const PLATFORM_NAMES: Record<ConfidentialPlatform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
};

export interface SignInBrokerDeps {
  apps: BrokerApp[];
  exchanges: Partial<Record<ConfidentialPlatform, ConfidentialExchange>>;
  /** Where the platform's token calls go: its own hosts, or the override's origin (a peer). */
  target(
    platform: ConfidentialPlatform,
    baseUrlOverride: string | null,
  ): Pick<ExchangeTarget, 'tokenUrl' | 'apiBaseUrl'>;
  calls: Counter<'platform' | 'grant' | 'outcome'>;
  logger: Logger;
  now: () => Date;
  timeoutMs?: number;
}

/**
 * Makes a platform's secret-bearing token calls for a signed-in device with Cadence's app. The
 * tokens only pass through: they are returned, never stored, and never logged; neither is the
 * client secret, which is also scrubbed from any message that goes back to the device.
 */
export class SignInBroker {
  private readonly byPlatform: Map<ConfidentialPlatform, { app: BrokerApp; exchange: ConfidentialExchange }>;

  constructor(private readonly deps: SignInBrokerDeps) {
    this.byPlatform = new Map();
    for (const app of deps.apps) {
      const exchange = deps.exchanges[app.platform];
      if (exchange) this.byPlatform.set(app.platform, { app, exchange });
      else
        deps.logger.warn(
          { platform: app.platform },
          'oauth broker: an app is set but Cadence has no token exchange for it',
        );
    }
  }

  /** The platforms this server signs in for, with the client ids the device puts on the authorize URL. */
  apps(): BrokerApps {
    return {
      apps: [...this.byPlatform.values()].map(({ app }) => ({
        platform: app.platform,
        clientId: app.credentials.clientId,
      })),
    };
  }

  async token(request: BrokerTokenRequest): Promise<BrokerToken> {
    const { platform, grant } = request;
    const grantLabel = grant.type === 'authorization_code' ? 'code' : 'refresh';
    const count = (outcome: BrokerOutcome) => this.deps.calls.labels(platform, grantLabel, outcome).inc();
    const entry = this.byPlatform.get(platform);
    if (!entry) {
      count('not_configured');
      throw new ApiError(
        404,
        'not_found',
        `This sync server does not sign in to ${PLATFORM_NAMES[platform]} for you. Add your own ${PLATFORM_NAMES[platform]} app in Accounts, or ask the server's operator to set it up.`,
        { platform },
      );
    }
    const { app, exchange } = entry;
    const target: ExchangeTarget = {
      ...this.deps.target(platform, app.baseUrlOverride),
      now: this.deps.now(),
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? CALL_TIMEOUT_MS),
    };
    const started = Date.now();
    try {
      const token =
        grant.type === 'authorization_code'
          ? await exchange.exchangeCode(
              app.credentials,
              { code: grant.code, redirectUri: grant.redirectUri, codeVerifier: grant.codeVerifier },
              target,
            )
          : await exchange.refresh(app.credentials, grant.token, target);
      const parsed = brokerTokenSchema.safeParse(token);
      if (!parsed.success) {
        throw new ApiError(
          502,
          'upstream_failed',
          `${PLATFORM_NAMES[platform]} answered with a token Cadence cannot carry; try again, and update Cadence if it keeps happening.`,
          { platform },
        );
      }
      count('ok');
      this.deps.logger.info({ platform, grant: grantLabel, ms: Date.now() - started }, 'oauth broker: token call done');
      return parsed.data;
    } catch (error) {
      const failure = this.toApiError(platform, app, error);
      count(failure.code === 'invalid_grant' ? 'invalid_grant' : 'upstream_failed');
      // Kind and platform only: an unknown error's message could carry a URL with the secret in it.
      this.deps.logger.warn(
        { platform, grant: grantLabel, code: failure.code, kind: error instanceof Error ? error.name : typeof error },
        'oauth broker: token call failed',
      );
      throw failure;
    }
  }

  private toApiError(platform: ConfidentialPlatform, app: BrokerApp, error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    const name = PLATFORM_NAMES[platform];
    if (error instanceof TokenCallError && error.kind === 'revoked' && error.oauthError === 'invalid_client') {
      // The platform refused *this server's* app, not the creator's grant: reconnecting cannot help,
      // so the device must not mark the account for it. The operator has to fix the settings.
      this.deps.logger.error(
        { platform },
        `oauth broker: ${name} refused the app's id or secret; check OAUTH_${platform.toUpperCase()}_CLIENT_ID and _CLIENT_SECRET`,
      );
      return new ApiError(
        502,
        'upstream_failed',
        `${name} refused this sync server's app. Its operator needs to fix the app's settings; until then, add your own ${name} app in Accounts or try again later.`,
        { platform },
      );
    }
    if (error instanceof TokenCallError && error.kind === 'revoked') {
      const oauthError = error.oauthError ?? 'invalid_grant';
      return new ApiError(
        400,
        'invalid_grant',
        `${name} refused the sign-in (${scrub(error.message, app)}). Connect the account again.`,
        { platform, oauthError },
      );
    }
    const why = error instanceof TokenCallError ? ` (${scrub(error.message, app)})` : '';
    return new ApiError(502, 'upstream_failed', `${name} did not complete the sign-in${why}; try again in a moment.`, {
      platform,
    });
  }
}

/** The platform's words go back to the device, but never with the app's secret in them. */
function scrub(message: string, app: BrokerApp): string {
  return message.split(app.credentials.clientSecret).join('[secret]');
}
