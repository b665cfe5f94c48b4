import type { AccountHealth, ConnectStart, ConnectStatus, OwnApp, SignInOption } from '../../shared/domain/accounts';
import type { ConfidentialPlatform } from '../../shared/sync-api/oauth';
import { ContractError } from '../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import type { DomainDeps } from '../domain-deps';
import type { TokenSet } from '../publishing/providers/connector';
import type { ConnectorRegistry } from '../publishing/providers/registry';
import { type AccountRow, AccountsRepository, parseScopes } from './accounts.repository';
import { BLUESKY_DEFAULT_SERVICE, createBlueskySession } from './bluesky-session';
import { type ClientSources, signInModeOf } from './confidential-client';
import { ConnectFlows, type FlowRequest } from './connect-flows';
import { TokenCallError } from './oauth-client';
import { oauthSetup } from './oauth-config';
import { OwnAppStore } from './own-apps';
import { signInOptions } from './sign-in-options';
import type { TokenBroker } from './token-broker';
import { canRenew } from './token-exchange/renewal';
import { tokenHealth } from './token-health';
import { TokenProvider } from './token-provider';
import { TokenStore } from './token-store';
import { disconnectDetail, withdrawAccess, type Withdrawal } from './withdraw-access';

/** How often the refresher looks for tokens ending within 10 minutes. */
export const REFRESH_SWEEP_MS = 60_000;

/**
 * Connecting accounts (OAuth with PKCE over a loopback redirect, Mastodon's per-instance app,
 * Bluesky's app password), token health, reconnect and disconnect. Tokens go to the secrets
 * port only; the accounts row holds connection facts (external id, scopes, expiry, status).
 */
export class AccountsService {
  readonly repository: AccountsRepository;
  readonly store: TokenStore;
  readonly tokens: TokenProvider;
  readonly ownApps: OwnAppStore;
  private readonly sources: ClientSources;
  private readonly flows: ConnectFlows;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: DomainDeps,
    readonly registry: ConnectorRegistry,
    /** Cadence's app through the sync service; absent, confidential platforms need the creator's own app. */
    private readonly broker: TokenBroker | null = null,
  ) {
    this.repository = new AccountsRepository(deps.database);
    this.store = new TokenStore(deps.ports.secrets);
    this.ownApps = new OwnAppStore(deps.ports.secrets);
    this.sources = { ownApps: this.ownApps, broker, overrides: registry };
    this.tokens = new TokenProvider({
      repository: this.repository,
      store: this.store,
      registry,
      clock: deps.ports.clock,
      events: deps.events,
      logger: deps.ports.logger,
      sources: this.sources,
    });
    this.flows = new ConnectFlows(
      () => deps.ports.clock.now(),
      (request, token) => this.completeOAuth(request, token),
    );
  }

  async startConnect(platform: Platform, instanceUrl: string | null): Promise<ConnectStart> {
    const instance = platform === 'mastodon' && instanceUrl ? new URL(instanceUrl).origin : null;
    const setup = await oauthSetup(this.registry, this.store, platform, instance, {
      register: true,
      sources: this.sources,
    });
    return this.flows.start({ platform, instanceUrl: instance, accountId: null, setup });
  }

  connectStatus(flowId: string): ConnectStatus {
    return this.flows.status(flowId);
  }

  /** Gives up a pending sign-in now (what its 10-minute timer does). */
  expireFlow(flowId: string): void {
    this.flows.expire(flowId);
  }

  async reconnect(accountId: string): Promise<ConnectStart> {
    const account = await this.requireAccount(accountId);
    const platform = account.platform as Platform;
    if (platform === 'bluesky') {
      throw new ContractError('VALIDATION_FAILED', 'Bluesky reconnects with a new app password (connect it again).');
    }
    const setup = await oauthSetup(this.registry, this.store, platform, account.instance_url, {
      register: true,
      sources: this.sources,
    });
    return this.flows.start({ platform, instanceUrl: account.instance_url, accountId, setup });
  }

  async connectAppPassword(handle: string, appPassword: string, service: string | undefined): Promise<AccountHealth> {
    const pds = (service ? new URL(service).origin : null) ?? BLUESKY_DEFAULT_SERVICE;
    const target = this.registry.override('bluesky') ?? pds;
    let session;
    try {
      session = await createBlueskySession(target, handle.replace(/^@/, ''), appPassword);
    } catch (error) {
      if (error instanceof TokenCallError && error.kind === 'revoked') {
        throw new ContractError('UNAUTHORIZED', 'Bluesky did not accept this handle and app password.');
      }
      throw new ContractError('UNAVAILABLE', error instanceof Error ? error.message : 'Bluesky could not be reached.');
    }
    const token: TokenSet = { ...session.token, extra: { did: session.did, pds } };
    const id = await this.saveConnected(
      {
        platform: 'bluesky',
        instanceUrl: pds,
        accountId: null,
        handle: session.handle,
        displayName: session.handle,
        externalId: session.did,
        scopes: [],
      },
      token,
    );
    return this.health(await this.requireAccount(id));
  }

  async listAccounts(): Promise<AccountHealth[]> {
    const rows = await this.repository.list();
    return Promise.all(rows.map((row) => this.health(row)));
  }

  /**
   * Withdraws Cadence's access at the platform through the client the account was connected with
   * (`withdraw-access.ts`), deletes the token whatever the platform said, and keeps the row (with its
   * publications and metrics) as source 'import': an account Cadence knows but cannot post to.
   */
  async disconnect(accountId: string): Promise<AccountHealth> {
    const account = await this.requireAccount(accountId);
    const platform = account.platform as Platform;
    const token = await this.store.get(accountId);
    const withdrawal: Withdrawal = token
      ? await withdrawAccess({
          registry: this.registry,
          store: this.store,
          sources: this.sources,
          platform,
          instanceUrl: account.instance_url,
          token,
          now: this.deps.ports.clock.now(),
        })
      : { revoked: false, why: 'Cadence held no token for it any more' };
    await this.store.delete(accountId);
    await this.repository.markDisconnected(accountId, disconnectDetail(platform, withdrawal), this.now());
    this.deps.ports.logger.info({ accountId, platform, revoked: withdrawal.revoked }, 'account disconnected');
    this.deps.events.emit('accounts:changed', { accountId, reason: 'disconnected' });
    return this.health(await this.requireAccount(accountId));
  }

  async listSignInOptions(): Promise<SignInOption[]> {
    const brokerApps = this.broker ? await this.broker.apps().catch(() => ({})) : {};
    return signInOptions(this.registry, await this.ownApps.list(), brokerApps);
  }

  listOwnApps(): Promise<OwnApp[]> {
    return this.ownApps.list();
  }

  /** Saves the creator's app; the secret goes to the secrets port and is never logged or returned. */
  async saveOwnApp(platform: ConfidentialPlatform, clientId: string, clientSecret: string): Promise<OwnApp> {
    const saved = await this.ownApps.save(platform, { clientId, clientSecret }, this.deps.ports.clock.now());
    this.deps.ports.logger.info({ platform }, 'own app saved');
    return saved;
  }

  async removeOwnApp(platform: ConfidentialPlatform): Promise<{ removed: boolean }> {
    const removed = await this.ownApps.remove(platform);
    this.deps.ports.logger.info({ platform, removed }, 'own app removed');
    return { removed };
  }

  start(): void {
    this.sweep = setInterval(() => {
      void this.tokens.refreshDue().catch((error: unknown) => {
        this.deps.ports.logger.warn({ err: error }, 'token refresh sweep failed');
      });
    }, REFRESH_SWEEP_MS);
    this.sweep.unref();
  }

  close(): void {
    if (this.sweep) clearInterval(this.sweep);
    this.sweep = null;
    this.flows.close();
  }

  private async completeOAuth(request: FlowRequest, token: TokenSet): Promise<string> {
    const label = PLATFORM_LABELS[request.platform];
    const previous = request.accountId ? await this.store.get(request.accountId) : null;
    // Reconnect keeps the refresh token until the platform sends a new one — only from the same client:
    // a refresh token issued to the creator's own app is useless to Cadence's, and the other way round.
    const sameClient = signInModeOf(previous) === signInModeOf(token);
    const merged: TokenSet =
      !token.refreshToken && previous?.refreshToken && sameClient
        ? { ...token, refreshToken: previous.refreshToken }
        : token;
    const identity = await request.setup.connector.whoAmI({
      baseUrl: request.setup.baseUrl,
      token: merged,
      account: { id: request.accountId ?? '', handle: '', externalId: null, instanceUrl: request.instanceUrl },
    });
    if (request.accountId) {
      const account = await this.requireAccount(request.accountId);
      if (account.external_id && account.external_id !== identity.externalId) {
        throw new ContractError(
          'CONFLICT',
          `You signed in to ${label} as @${identity.handle}, not @${account.handle}; sign in with that account to reconnect it`,
        );
      }
    }
    // A Mastodon handle is only unique with its server: @ada@one.example and @ada@two.example.
    const bare = identity.handle.replace(/^@/, '');
    const handle =
      request.platform === 'mastodon' && request.instanceUrl && !bare.includes('@')
        ? `${bare}@${new URL(request.instanceUrl).host}`
        : bare;
    return this.saveConnected(
      {
        ...request,
        handle,
        displayName: identity.displayName,
        externalId: identity.externalId,
        scopes: merged.scopes ?? identity.scopes ?? request.setup.scopes,
      },
      merged,
    );
  }

  private async saveConnected(
    input: {
      platform: Platform;
      instanceUrl: string | null;
      accountId: string | null;
      handle: string;
      displayName: string;
      externalId: string;
      scopes: string[];
    },
    token: TokenSet,
  ): Promise<string> {
    const stored: TokenSet = { ...token, scopes: input.scopes };
    const id = await this.repository.upsertConnected(
      {
        accountId: input.accountId,
        platform: input.platform,
        handle: input.handle,
        displayName: input.displayName,
        externalId: input.externalId,
        instanceUrl: input.instanceUrl,
        scopes: input.scopes,
        tokenExpiresAt: token.expiresAt ?? null,
        statusDetail: 'Connected.',
      },
      this.now(),
    );
    await this.store.set(id, stored);
    const row = await this.requireAccount(id);
    const health = await this.health(row);
    await this.repository.setHealth(id, { status: health.status, detail: health.statusDetail }, this.now());
    this.deps.ports.logger.info({ accountId: id, platform: input.platform }, 'account connected');
    this.deps.events.emit('accounts:changed', { accountId: id, reason: input.accountId ? 'reconnected' : 'connected' });
    return id;
  }

  private async health(row: AccountRow): Promise<AccountHealth> {
    const platform = row.platform as Platform;
    const scopes = parseScopes(row.scopes);
    const requiredScopes = this.tokens.requiredScopes(platform);
    const base = {
      id: row.id,
      platform,
      handle: row.handle,
      displayName: row.display_name,
      instanceUrl: row.instance_url,
      scopes,
      requiredScopes,
    };
    if (row.source !== 'connected') {
      return {
        ...base,
        source: row.external_id ? 'disconnected' : 'import',
        status: null,
        statusDetail:
          row.status_detail ?? `Imported from a file; connect ${PLATFORM_LABELS[platform]} to publish from Cadence.`,
        expiresAt: null,
        missingScopes: [],
        refreshesAutomatically: false,
      };
    }
    const token = await this.store.get(row.id);
    const verdict = tokenHealth({
      platform,
      storedStatus: row.token_status,
      storedDetail: row.status_detail,
      token,
      grantedScopes: scopes,
      requiredScopes,
      now: this.deps.ports.clock.now(),
    });
    const transientNote = row.status_detail?.startsWith('Cadence could not renew') ? ` ${row.status_detail}` : '';
    return {
      ...base,
      source: 'connected',
      status: verdict.status,
      statusDetail: verdict.status === 'valid' ? `${verdict.detail}${transientNote}` : verdict.detail,
      expiresAt: token?.expiresAt ?? row.token_expires_at,
      missingScopes: verdict.missingScopes,
      refreshesAutomatically: token ? canRenew(token) : false,
    };
  }

  private async requireAccount(id: string): Promise<AccountRow> {
    const row = await this.repository.get(id);
    if (!row) throw new ContractError('NOT_FOUND', 'This account is not in Cadence.');
    return row;
  }

  private now(): string {
    return this.deps.ports.clock.now().toISOString();
  }
}
