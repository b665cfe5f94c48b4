import { ContractError } from '../../../shared/contract';
import type { CloudAccount } from '../../../shared/domain/sync';
import {
  type DeviceInfo,
  deviceListSchema,
  type MeResponse,
  meResponseSchema,
  type SessionTokens,
  sessionTokensSchema,
  type Device,
} from '../../../shared/sync-api/accounts';
import type { Logger } from '../../platform/logger/logger';
import { CloudApiError, type CloudRequest, cloudRequest } from './cloud-api';
import { endsSession, SignedOutError, signedOutReason } from './cloud-errors';
import type { SessionStore, StoredSession } from './session-store';
import type { z } from 'zod';

/** Refresh this long before the access token expires, so a call never leaves with a stale one. */
const REFRESH_AHEAD_MS = 60_000;

export interface CloudSessionDeps {
  store: SessionStore;
  logger: Logger;
  /** Wall clock in ms (the expiry of the access token is tracked on it). */
  now: () => number;
  device: () => DeviceInfo;
  fetch?: typeof fetch;
}

export interface Credentials {
  serverUrl?: string;
  email: string;
  password: string;
}

interface AccessToken {
  token: string;
  /** When to refresh it (ahead of its real expiry). */
  refreshAt: number;
}

/**
 * This device's sign-in to a Cadence sync server. Holds the refresh token in the secrets port and
 * the access token in memory only; hands out access tokens refreshed ahead of expiry, with one
 * refresh in flight however many callers ask (the server rotates refresh tokens and treats a
 * second use of one as theft, so two parallel refreshes would sign the device out).
 *
 * The server ending the session (refresh token reused, device revoked) signs the device out with
 * a plain reason; a network failure never does: the device stays signed in and tries later.
 */
export class CloudSession {
  private stored: StoredSession | null = null;
  private serverUrlSetting: string | null = null;
  private access: AccessToken | null = null;
  private refreshing: Promise<string> | null = null;
  /** Bumped whenever the session is replaced or forgotten, so a late refresh cannot revive it. */
  private generation = 0;
  private reason: string | null = null;
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: CloudSessionDeps) {}

  /** Reads the stored session and server address; every other method waits for it. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const [stored, serverUrl] = await Promise.all([this.deps.store.loadSession(), this.deps.store.loadServerUrl()]);
      this.stored = stored;
      this.serverUrlSetting = serverUrl ?? stored?.serverUrl ?? null;
    })();
    return this.loading;
  }

  /** The signed-in account, or null; what other cloud features (AI, relay) check first. */
  current(): CloudAccount | null {
    if (!this.stored) return null;
    const { serverUrl, userId, deviceId, email } = this.stored;
    return { serverUrl, userId, deviceId, email };
  }

  /** The address used for the next sign-in. */
  serverUrl(): string | null {
    return this.stored?.serverUrl ?? this.serverUrlSetting;
  }

  /** Why the server signed this device out (cleared by the next sign-in). */
  signedOutReason(): string | null {
    return this.reason;
  }

  /** Called after sign-in, sign-out and any change of the account; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async setServerUrl(serverUrl: string): Promise<void> {
    await this.load();
    if (this.stored) {
      throw new ContractError('CONFLICT', 'Sign out before choosing another sync server.');
    }
    const normalized = normalizeServerUrl(serverUrl);
    await this.deps.store.saveServerUrl(normalized);
    this.serverUrlSetting = normalized;
    this.changed();
  }

  signUp(credentials: Credentials): Promise<CloudAccount> {
    return this.begin('/auth/register', credentials);
  }

  signIn(credentials: Credentials): Promise<CloudAccount> {
    return this.begin('/auth/login', credentials);
  }

  /**
   * Revokes this device's session on the server (when it can be reached) and forgets the tokens
   * here either way: signing out must work offline too. Says whether the server heard it.
   */
  async signOut(): Promise<{ revokedOnServer: boolean }> {
    await this.load();
    const stored = this.stored;
    if (!stored) return { revokedOnServer: false };
    let revokedOnServer = false;
    try {
      const token = await this.accessToken();
      await cloudRequest(
        stored.serverUrl,
        { method: 'POST', path: '/auth/logout', accessToken: token, schema: null },
        this.deps.fetch,
      );
      revokedOnServer = true;
    } catch (error) {
      if (!(error instanceof SignedOutError)) {
        this.deps.logger.warn({ err: errorSummary(error) }, 'sync: sign-out could not reach the server');
      }
    }
    // The creator asked to sign out: whatever the server said on the way, no "signed out because" note.
    if (this.stored === stored) await this.forget(null);
    else this.reason = null;
    return { revokedOnServer };
  }

  /**
   * A valid access token, refreshed ahead of expiry. Throws SignedOutError when there is no
   * session (or the server just ended it) and the transport's error when offline.
   */
  async accessToken(): Promise<string> {
    await this.load();
    if (!this.stored) throw new SignedOutError(this.reason ?? 'Sign in to Cadence sync first.');
    if (this.access && this.deps.now() < this.access.refreshAt) return this.access.token;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Drops the access token in memory so the next caller refreshes: for callers (the sync engine's
   * transport) that were told `token_expired` although our clock said it was still valid.
   */
  expireAccessToken(): void {
    this.access = null;
  }

  /**
   * Asks the server whether this session still stands, after another caller was refused with an
   * auth code: a revoked device or ended session signs out here (with its reason); anything else
   * is left alone.
   */
  async verify(): Promise<void> {
    try {
      await this.me();
    } catch (error) {
      if (!(error instanceof SignedOutError)) {
        this.deps.logger.info({ err: errorSummary(error) }, 'sync: session check did not complete');
      }
    }
  }

  me(): Promise<MeResponse> {
    return this.authed({ method: 'GET', path: '/me', schema: meResponseSchema });
  }

  async devices(): Promise<Device[]> {
    return (await this.authed({ method: 'GET', path: '/devices', schema: deviceListSchema })).devices;
  }

  /** Revoking this very device is a sign-out. */
  async revokeDevice(deviceId: string): Promise<void> {
    await this.authed({ method: 'POST', path: `/devices/${encodeURIComponent(deviceId)}/revoke`, schema: null });
    if (this.stored?.deviceId === deviceId) await this.forget(null);
  }

  async resendVerification(): Promise<void> {
    await this.authed({ method: 'POST', path: '/auth/resend-verification', schema: null });
  }

  /** Works signed out (that is when people need it); the server always answers 204. */
  async requestPasswordReset(email: string, serverUrl?: string): Promise<void> {
    await this.load();
    const url = serverUrl ? normalizeServerUrl(serverUrl) : this.requireServerUrl();
    await cloudRequest(
      url,
      { method: 'POST', path: '/auth/request-password-reset', body: { email }, schema: null },
      this.deps.fetch,
    );
  }

  /** Deletes the account on the server (password checked there), then forgets the session here. */
  async deleteAccount(password: string): Promise<void> {
    await this.authed({ method: 'DELETE', path: '/me', body: { password }, schema: null });
    await this.forget(null);
  }

  private async begin(path: '/auth/register' | '/auth/login', credentials: Credentials): Promise<CloudAccount> {
    await this.load();
    if (this.stored) {
      throw new ContractError(
        'CONFLICT',
        `This device is already signed in as ${this.stored.email}. Sign out first to use another account.`,
      );
    }
    const serverUrl = credentials.serverUrl ? normalizeServerUrl(credentials.serverUrl) : this.requireServerUrl();
    const email = credentials.email.trim().toLowerCase();
    const tokens = await cloudRequest(
      serverUrl,
      {
        method: 'POST',
        path,
        body: { email, password: credentials.password, device: this.deps.device() },
        schema: sessionTokensSchema,
      },
      this.deps.fetch,
    );
    this.generation += 1;
    const stored: StoredSession = {
      serverUrl,
      userId: tokens.userId,
      deviceId: tokens.deviceId,
      email,
      refreshToken: tokens.refreshToken,
    };
    await this.deps.store.saveSession(stored);
    if (this.serverUrlSetting !== serverUrl) await this.deps.store.saveServerUrl(serverUrl);
    this.stored = stored;
    this.serverUrlSetting = serverUrl;
    this.access = this.accessFrom(tokens);
    this.reason = null;
    this.deps.logger.info({ userId: tokens.userId, deviceId: tokens.deviceId }, 'sync: signed in');
    this.changed();
    return this.current()!;
  }

  private async refresh(): Promise<string> {
    const stored = this.stored;
    if (!stored) throw new SignedOutError(this.reason ?? 'Sign in to Cadence sync first.');
    const generation = this.generation;
    let tokens: SessionTokens;
    try {
      tokens = await cloudRequest(
        stored.serverUrl,
        {
          method: 'POST',
          path: '/auth/refresh',
          body: { refreshToken: stored.refreshToken },
          schema: sessionTokensSchema,
        },
        this.deps.fetch,
      );
    } catch (error) {
      if (generation === this.generation && error instanceof CloudApiError && error.status === 401) {
        const reason = signedOutReason(error.code);
        await this.forget(reason);
        throw new SignedOutError(reason);
      }
      throw error;
    }
    if (generation !== this.generation) throw new SignedOutError(this.reason ?? 'Signed out while refreshing.');
    // The old refresh token is spent the moment the server answered: store the new one at once.
    const next: StoredSession = { ...stored, refreshToken: tokens.refreshToken };
    await this.deps.store.saveSession(next);
    this.stored = next;
    this.access = this.accessFrom(tokens);
    return tokens.accessToken;
  }

  /**
   * A call with the access token. An access token the server calls expired (its clock is ahead of
   * ours) is refreshed once and the call retried; a revoked device signs out.
   */
  private async authed<S extends z.ZodType | null>(
    request: Omit<CloudRequest<S>, 'accessToken'>,
  ): Promise<S extends z.ZodType ? z.output<S> : void> {
    const serverUrl = () => {
      if (!this.stored) throw new SignedOutError(this.reason ?? 'Sign in to Cadence sync first.');
      return this.stored.serverUrl;
    };
    const attempt = async () =>
      cloudRequest(serverUrl(), { ...request, accessToken: await this.accessToken() }, this.deps.fetch);
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof CloudApiError && error.code === 'token_expired') {
        this.access = null;
        return this.signOutIfEnded(attempt);
      }
      if (endsSession(error)) await this.endedByServer(error);
      throw error;
    }
  }

  private async signOutIfEnded<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (endsSession(error)) await this.endedByServer(error);
      throw error;
    }
  }

  private async endedByServer(error: CloudApiError): Promise<never> {
    const reason = signedOutReason(error.code);
    await this.forget(reason);
    throw new SignedOutError(reason);
  }

  private async forget(reason: string | null): Promise<void> {
    this.generation += 1;
    const hadSession = this.stored !== null;
    this.stored = null;
    this.access = null;
    this.reason = reason;
    await this.deps.store.clearSession();
    if (hadSession) this.deps.logger.info({ byServer: reason !== null }, 'sync: signed out');
    this.changed();
  }

  private accessFrom(tokens: SessionTokens): AccessToken {
    const ttlMs = tokens.expiresIn * 1000;
    // Short-lived tokens (tests, strict servers) refresh at half-life instead of a minute ahead.
    return { token: tokens.accessToken, refreshAt: this.deps.now() + ttlMs - Math.min(REFRESH_AHEAD_MS, ttlMs / 2) };
  }

  private requireServerUrl(): string {
    const url = this.serverUrl();
    if (!url) throw new ContractError('VALIDATION_FAILED', 'Enter the address of your Cadence sync server first.');
    return url;
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'sync: a session listener failed');
      }
    }
  }
}

/** One spelling per server, so a trailing slash does not make it look like another server. */
export function normalizeServerUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** What to log about a failed call: its kind and message, never a token. */
function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'unknown', message: String(error) };
}
