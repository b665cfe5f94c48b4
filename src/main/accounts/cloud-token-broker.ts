import { PLATFORM_LABELS } from '../../shared/domain/platform';
import type { z } from 'zod';
import {
  type BrokerTokenRequest,
  type BrokerToken,
  brokerAppsSchema,
  brokerRevokeResponseSchema,
  brokerTokenResponseSchema,
  type ConfidentialPlatform,
} from '../../shared/sync-api/oauth';
import type { TokenSet } from '../publishing/providers/connector';
import { CloudApiError, CloudUnreachableError, cloudRequest } from '../sync/account/cloud-api';
import { SignedOutError } from '../sync/account/cloud-errors';
import { TokenCallError } from './oauth-client';
import type { TokenBroker } from './token-broker';
import type { CodeGrant } from './token-exchange/confidential-exchange';

/** How long the list of the server's apps is trusted; operators rarely change it. */
const APPS_TTL_MS = 5 * 60_000;

/** What the broker needs from the sync sign-in (src/main/sync/account/cloud-session.ts). */
export interface BrokerSession {
  current(): { serverUrl: string; userId: string } | null;
  accessToken(): Promise<string>;
  /** Drops an access token the server called expired, so the next call refreshes it. */
  expireAccessToken?(): void;
  /** Asks the server whether the session stands; a revoked device signs out there, with its reason. */
  verify?(): Promise<void>;
}

export interface CloudTokenBrokerDeps {
  session: BrokerSession;
  fetch?: typeof fetch;
  /** Wall clock in ms, for the apps cache. */
  now?: () => number;
}

type Apps = Partial<Record<ConfidentialPlatform, string>>;

/** Server codes after which the device's session may be over: the session checks and says why. */
const SESSION_CODES = new Set(['unauthenticated', 'device_revoked', 'invalid_token', 'refresh_reused']);

/**
 * The sync service's sign-in broker (`/v1/oauth/*`), as the accounts domain's TokenBroker. Token
 * calls go out with the signed-in device's access token; the tokens that come back are handed to
 * the caller and kept nowhere here. A refusal of the grant by the platform reads as 'revoked'
 * (reconnect); everything else, signed out and offline included, as 'transient': the platform's
 * grant may still be good, so an account is never marked for reconnecting over it.
 */
export class CloudTokenBroker implements TokenBroker {
  private cached: { key: string; apps: Apps; until: number } | null = null;
  private loading: { key: string; promise: Promise<Apps> } | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: CloudTokenBrokerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * The platforms Cadence's apps on the server cover, with their client ids: empty when signed out
   * or when the server offers none. When the server cannot be asked, the last answer for this
   * account still counts; with none, a 'transient' TokenCallError says so.
   */
  async apps(): Promise<Apps> {
    const account = this.deps.session.current();
    if (!account) {
      this.cached = null;
      return {};
    }
    const key = `${account.serverUrl}\u0000${account.userId}`;
    if (this.cached?.key === key && this.now() < this.cached.until) return this.cached.apps;
    if (this.loading?.key !== key) {
      const promise = this.loadApps(key).finally(() => {
        if (this.loading?.promise === promise) this.loading = null;
      });
      this.loading = { key, promise };
    }
    return this.loading.promise;
  }

  async exchangeCode(platform: ConfidentialPlatform, grant: CodeGrant): Promise<TokenSet> {
    return this.token(platform, {
      platform,
      grant: {
        type: 'authorization_code',
        code: grant.code,
        redirectUri: grant.redirectUri,
        codeVerifier: grant.codeVerifier,
      },
    });
  }

  async refresh(platform: ConfidentialPlatform, token: TokenSet): Promise<TokenSet> {
    return this.token(platform, { platform, grant: { type: 'refresh', token: wireToken(token) } });
  }

  /**
   * Asks the server to withdraw Cadence's access at the platform (disconnect). `false` when the
   * platform has no revocation or refused it; any failure to get an answer (signed out, offline,
   * no app on the server, the platform down) is a 'transient' TokenCallError whose message says why.
   */
  async revoke(platform: ConfidentialPlatform, token: TokenSet): Promise<boolean> {
    const name = PLATFORM_LABELS[platform];
    if (!this.deps.session.current()) {
      throw new TokenCallError(
        'transient',
        `Cadence sync is signed out, so it could not ask ${name} to withdraw access.`,
      );
    }
    try {
      const answer = await this.call('POST', '/oauth/revoke', brokerRevokeResponseSchema, {
        platform,
        token: wireToken(token),
      });
      return answer.revoked;
    } catch (error) {
      if (error instanceof CloudApiError && error.code === 'not_found') this.cached = null;
      throw new TokenCallError('transient', `The sync server could not withdraw ${name} access (${describe(error)}).`);
    }
  }

  private async loadApps(key: string): Promise<Apps> {
    try {
      const answer = await this.call('GET', '/oauth/apps', brokerAppsSchema);
      const apps: Apps = {};
      for (const app of answer.apps) apps[app.platform] = app.clientId;
      this.cached = { key, apps, until: this.now() + APPS_TTL_MS };
      return apps;
    } catch (error) {
      if (error instanceof SignedOutError || (error instanceof CloudApiError && error.status === 401)) {
        this.cached = null;
        return {};
      }
      // Offline: the last list for this account is better than none (the secrets have not moved).
      if (this.cached?.key === key) return this.cached.apps;
      throw new TokenCallError(
        'transient',
        `Cadence could not ask the sync server which platforms it signs in to (${describe(error)}); try again when online.`,
      );
    }
  }

  private async token(platform: ConfidentialPlatform, body: BrokerTokenRequest): Promise<TokenSet> {
    const name = PLATFORM_LABELS[platform];
    if (!this.deps.session.current()) {
      throw new TokenCallError(
        'transient',
        `Sign in to Cadence sync to connect ${name} through Cadence, or add your own ${name} app in Accounts.`,
      );
    }
    try {
      const answer = await this.call('POST', '/oauth/token', brokerTokenResponseSchema, body);
      return answer.token;
    } catch (error) {
      if (error instanceof CloudApiError && error.code === 'invalid_grant') {
        const oauthError = error.details?.oauthError;
        throw new TokenCallError(
          'revoked',
          error.message,
          typeof oauthError === 'string' && oauthError ? oauthError : 'invalid_grant',
        );
      }
      // The server no longer holds this platform's app: ask again next time.
      if (error instanceof CloudApiError && error.code === 'not_found') this.cached = null;
      throw new TokenCallError('transient', transientMessage(error, name));
    }
  }

  /**
   * One call with the access token. An access token the server calls expired is refreshed once
   * and the call repeated; a refusal that may mean the device was signed out lets the session
   * check, so it signs out with its own reason.
   */
  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const attempt = async (): Promise<z.output<S>> => {
      const account = this.deps.session.current();
      if (!account) throw new SignedOutError('Sign in to Cadence sync first.');
      const accessToken = await this.deps.session.accessToken();
      return cloudRequest(
        account.serverUrl,
        { method, path, accessToken, schema, ...(body === undefined ? {} : { body }) },
        this.deps.fetch,
      ) as Promise<z.output<S>>;
    };
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof CloudApiError) || error.status !== 401) throw error;
      if (error.code === 'token_expired' && this.deps.session.expireAccessToken) {
        this.deps.session.expireAccessToken();
        return attempt();
      }
      if (SESSION_CODES.has(error.code)) await this.deps.session.verify?.();
      throw error;
    }
  }
}

/** The TokenSet as the wire carries it (no undefined fields). */
function wireToken(token: TokenSet): BrokerToken {
  const { accessToken, refreshToken, expiresAt, scopes, extra } = token;
  return {
    accessToken,
    ...(refreshToken ? { refreshToken } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(scopes ? { scopes } : {}),
    ...(extra ? { extra } : {}),
  };
}

/** Why a broker call did not settle the grant, with what to do; the platform's grant may still be good. */
function transientMessage(error: unknown, name: string): string {
  const signInAgain = `Sign in to Cadence sync again to connect ${name} through Cadence, or add your own ${name} app in Accounts.`;
  if (error instanceof SignedOutError) return `${error.reason} ${signInAgain}`;
  if (error instanceof CloudApiError && error.status === 401) return `${error.message} ${signInAgain}`;
  // The server's own words already say what happened and what to do (try again, own app).
  if (error instanceof CloudApiError) return error.message;
  if (error instanceof CloudUnreachableError) return `${error.message} Cadence will try again.`;
  return `Cadence could not finish the ${name} sign-in through the sync server (${describe(error)}); try again.`;
}

function describe(error: unknown): string {
  if (error instanceof CloudApiError || error instanceof CloudUnreachableError) return error.message;
  if (error instanceof SignedOutError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
