import type { Platform } from '../../shared/domain/platform';
import { PLATFORM_LABELS } from '../../shared/domain/platform';
import type { EventBus } from '../contract/event-bus';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import { ConnectorError, type ConnectorContext, type TokenSet } from '../publishing/providers/connector';
import type { ConnectorRegistry } from '../publishing/providers/registry';
import type { TokensPort } from '../publishing/queue/ports';
import { type AccountRow, type AccountsRepository, parseScopes } from './accounts.repository';
import { BLUESKY_DEFAULT_SERVICE, refreshBlueskySession } from './bluesky-session';
import { type ClientSources, clientGoneError, signInModeOf } from './confidential-client';
import { refreshTokens, TokenCallError } from './oauth-client';
import { oauthSetup } from './oauth-config';
import { ContractError } from '../../shared/contract/errors';
import { confidentialPlatformSchema } from '../../shared/sync-api/oauth';
import { canRenew, renewsAccessToken, SELF_RENEWAL_AHEAD_MS } from './token-exchange/renewal';
import { REFRESH_AHEAD_MS, duration, tokenHealth } from './token-health';
import type { TokenStore } from './token-store';

export interface TokenProviderDeps {
  repository: AccountsRepository;
  store: TokenStore;
  registry: ConnectorRegistry;
  clock: ClockPort;
  events: EventBus;
  logger: Logger;
  /** The creator's own apps and the sync broker, for confidential platforms' renewals. */
  sources: ClientSources;
}

/**
 * The queue's tokens port, and the refresher behind token health: contexts with a usable token,
 * refresh ahead of expiry (one refresh per account at a time, since refresh tokens may rotate),
 * and "needs reconnect" only when the platform says the grant is gone — a network error, a 5xx
 * or a timeout leaves the account valid.
 */
export class TokenProvider implements TokensPort {
  private readonly inFlight = new Map<string, Promise<TokenSet>>();

  constructor(private readonly deps: TokenProviderDeps) {}

  async context(accountId: string): Promise<ConnectorContext> {
    const account = await this.account(accountId);
    const label = PLATFORM_LABELS[account.platform as Platform];
    if (account.source !== 'connected') {
      throw new ConnectorError('auth_revoked', `${label} account @${account.handle} is not connected.`);
    }
    if (account.token_status === 'needs_reconnect') {
      throw new ConnectorError('auth_revoked', account.status_detail ?? `${label} needs you to reconnect.`);
    }
    let token = await this.deps.store.get(accountId);
    if (!token) throw new ConnectorError('auth_revoked', `${label} needs you to reconnect: no token is stored.`);
    if (account.token_status === 'missing_scope') {
      throw new ConnectorError('missing_scope', account.status_detail ?? `${label} did not grant a needed permission.`);
    }
    if (canRenew(token) && this.dueForRefresh(token)) {
      try {
        token = await this.refreshToken(account);
      } catch (error) {
        // A transient failure still lets the call try the current token (it may have minutes left).
        if (!(error instanceof ConnectorError) || error.kind === 'auth_revoked') throw error;
      }
    }
    return this.contextFor(account, token);
  }

  async refresh(accountId: string): Promise<void> {
    await this.refreshToken(await this.account(accountId));
  }

  async markNeedsReconnect(accountId: string, reason: string): Promise<void> {
    const account = await this.deps.repository.get(accountId);
    if (!account) return;
    const label = PLATFORM_LABELS[account.platform as Platform];
    const detail = reason.startsWith(label) ? reason : `${label} needs you to reconnect: ${reason}`;
    await this.deps.repository.setHealth(accountId, { status: 'needs_reconnect', detail }, this.now());
    this.deps.logger.warn({ accountId, platform: account.platform }, 'account needs a reconnect');
    this.deps.events.emit('accounts:changed', { accountId, reason: 'needs_reconnect' });
  }

  /** Refreshes every connected token that ends within 10 minutes (the timer calls this). */
  async refreshDue(): Promise<{ refreshed: number; failed: number }> {
    let refreshed = 0;
    let failed = 0;
    for (const account of await this.deps.repository.listConnected()) {
      if (account.token_status === 'needs_reconnect') continue;
      const token = await this.deps.store.get(account.id);
      if (!token || !canRenew(token) || !this.dueForRefresh(token)) continue;
      try {
        await this.refreshToken(account);
        refreshed += 1;
      } catch {
        failed += 1;
      }
    }
    return { refreshed, failed };
  }

  contextFor(account: AccountRow, token: TokenSet): ConnectorContext {
    const platform = account.platform as Platform;
    const pds = platform === 'bluesky' ? (token.extra?.pds ?? account.instance_url) : account.instance_url;
    return {
      baseUrl: this.deps.registry.baseUrl(platform, pds),
      token,
      account: {
        id: account.id,
        handle: account.handle,
        externalId: account.external_id,
        instanceUrl: account.instance_url,
      },
    };
  }

  private dueForRefresh(token: TokenSet): boolean {
    if (!token.expiresAt) return false;
    // Self-renewing tokens (Instagram, Threads) go days ahead: a missed renewal cannot be made up later.
    const ahead = renewsAccessToken(token) ? SELF_RENEWAL_AHEAD_MS : REFRESH_AHEAD_MS;
    return Date.parse(token.expiresAt) - this.deps.clock.now().getTime() <= ahead;
  }

  private refreshToken(account: AccountRow): Promise<TokenSet> {
    const running = this.inFlight.get(account.id);
    if (running) return running;
    const work = this.doRefresh(account).finally(() => this.inFlight.delete(account.id));
    this.inFlight.set(account.id, work);
    return work;
  }

  private async doRefresh(account: AccountRow): Promise<TokenSet> {
    const platform = account.platform as Platform;
    const label = PLATFORM_LABELS[platform];
    const current = await this.deps.store.get(account.id);
    if (!current) {
      await this.markNeedsReconnect(account.id, 'no token is stored on this computer.');
      throw new ConnectorError('auth_revoked', `${label} needs you to reconnect: no token is stored.`);
    }
    try {
      const fresh = await this.callRefresh(account, current);
      await this.deps.store.set(account.id, fresh);
      const health = tokenHealth({
        platform,
        storedStatus: null,
        storedDetail: null,
        token: fresh,
        grantedScopes: fresh.scopes ?? parseScopes(account.scopes),
        requiredScopes: this.requiredScopes(platform),
        now: this.deps.clock.now(),
      });
      await this.deps.repository.setHealth(
        account.id,
        {
          status: health.status,
          detail: health.detail,
          expiresAt: fresh.expiresAt ?? null,
          ...(fresh.scopes ? { scopes: fresh.scopes } : {}),
        },
        this.now(),
      );
      this.deps.logger.info({ accountId: account.id, platform }, 'token refreshed');
      this.deps.events.emit('accounts:changed', { accountId: account.id, reason: 'refreshed' });
      return fresh;
    } catch (error) {
      if (error instanceof TokenCallError && error.kind === 'revoked') {
        // Cadence's own refusals (no renewal exists, the own app is gone) already say what to do.
        const ours = error.oauthError === 'no_refresh' || error.oauthError === 'no_client';
        await this.markNeedsReconnect(
          account.id,
          ours ? `${error.message}.` : `the token was revoked or has expired (${error.oauthError ?? error.message}).`,
        );
        throw new ConnectorError('auth_revoked', `${label} needs you to reconnect: the token was revoked.`, {
          platformCode: error.oauthError ?? undefined,
        });
      }
      const message = error instanceof Error ? error.message : String(error);
      const left = current.expiresAt ? Date.parse(current.expiresAt) - this.deps.clock.now().getTime() : null;
      const when = left !== null && left > 0 ? ` The token still works for ${duration(left)}.` : '';
      await this.deps.repository.setHealth(
        account.id,
        {
          status: account.token_status === 'missing_scope' ? 'missing_scope' : 'valid',
          detail: `Cadence could not renew the token just now (${message}); it will try again.${when}`,
        },
        this.now(),
      );
      this.deps.logger.warn({ accountId: account.id, platform, reason: message }, 'token refresh failed; will retry');
      throw new ConnectorError(
        error instanceof TokenCallError && /in time/.test(message) ? 'timeout' : 'network',
        message,
      );
    }
  }

  private async callRefresh(account: AccountRow, current: TokenSet): Promise<TokenSet> {
    const platform = account.platform as Platform;
    if (platform === 'bluesky') {
      const service =
        this.deps.registry.override('bluesky') ?? current.extra?.pds ?? account.instance_url ?? BLUESKY_DEFAULT_SERVICE;
      return refreshBlueskySession(service, current);
    }
    const mode = signInModeOf(current);
    let setup;
    try {
      setup = await oauthSetup(this.deps.registry, this.deps.store, platform, account.instance_url, {
        register: false,
        sources: this.deps.sources,
        ...(mode ? { only: mode } : {}),
      });
    } catch (error) {
      const confidential = confidentialPlatformSchema.safeParse(platform);
      if (error instanceof ContractError && mode && confidential.success)
        throw clientGoneError(confidential.data, mode);
      throw error;
    }
    if (setup.confidential) return setup.confidential.refresh(current, this.deps.clock.now());
    return refreshTokens(setup.config, current, this.deps.clock.now());
  }

  requiredScopes(platform: Platform): string[] {
    const auth = this.deps.registry.connector(platform)?.auth;
    if (auth?.kind === 'oauth2-pkce') return auth.requiredScopes;
    if (auth?.kind === 'mastodon-app') return auth.scopes.filter((s) => s.startsWith('write'));
    return [];
  }

  private async account(accountId: string): Promise<AccountRow> {
    const account = await this.deps.repository.get(accountId);
    if (!account) throw new ConnectorError('auth_revoked', 'This account is no longer in Cadence.');
    return account;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
