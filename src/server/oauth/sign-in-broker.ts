import { PLATFORM_LABELS } from '../../shared/domain/platform';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import {
  type BrokerApps,
  type BrokerRevokeRequest,
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
    const { app, exchange } = this.entry(platform, count);
    const target = this.target(platform, app);
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
          `${PLATFORM_LABELS[platform]} answered with a token Cadence cannot carry; try again, and update Cadence if it keeps happening.`,
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

  /**
   * Withdraws Cadence's access at the platform for a device disconnecting an account. The token passes
   * through like a refresh's: used for the one call, never stored or logged. `revoked: false` when the
   * platform has no revocation or refused it (the device deletes its token either way).
   */
  async revoke(request: BrokerRevokeRequest): Promise<{ revoked: boolean }> {
    const { platform, token } = request;
    const count = (outcome: BrokerOutcome) => this.deps.calls.labels(platform, 'revoke', outcome).inc();
    const { app, exchange } = this.entry(platform, count);
    const started = Date.now();
    try {
      const revoked = await exchange.revoke(app.credentials, token, this.target(platform, app));
      count(revoked ? 'ok' : 'not_revoked');
      this.deps.logger.info(
        { platform, grant: 'revoke', revoked, ms: Date.now() - started },
        'oauth broker: revoke done',
      );
      return { revoked };
    } catch (error) {
      // Whatever the platform said, the device cannot act on it but to tell the creator: 502, never 400.
      const why = error instanceof TokenCallError ? ` (${scrub(error.message, app)})` : '';
      count('upstream_failed');
      this.deps.logger.warn(
        { platform, grant: 'revoke', kind: error instanceof Error ? error.name : typeof error },
        'oauth broker: revoke failed',
      );
      throw new ApiError(
        502,
        'upstream_failed',
        `${PLATFORM_LABELS[platform]} did not withdraw the access${why}; try again, or remove Cadence in ${PLATFORM_LABELS[platform]}'s settings.`,
        { platform },
      );
    }
  }

  private entry(
    platform: ConfidentialPlatform,
    count: (outcome: BrokerOutcome) => void,
  ): { app: BrokerApp; exchange: ConfidentialExchange } {
    const entry = this.byPlatform.get(platform);
    if (entry) return entry;
    count('not_configured');
    throw new ApiError(
      404,
      'not_found',
      `This sync server does not sign in to ${PLATFORM_LABELS[platform]} for you. Add your own ${PLATFORM_LABELS[platform]} app in Accounts, or ask the server's operator to set it up.`,
      { platform },
    );
  }

  private target(platform: ConfidentialPlatform, app: BrokerApp): ExchangeTarget {
    return {
      ...this.deps.target(platform, app.baseUrlOverride),
      now: this.deps.now(),
      signal: AbortSignal.timeout(this.deps.timeoutMs ?? CALL_TIMEOUT_MS),
    };
  }

  private toApiError(platform: ConfidentialPlatform, app: BrokerApp, error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    const name = PLATFORM_LABELS[platform];
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
