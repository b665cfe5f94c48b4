import { ContractError } from '../../shared/contract';
import {
  type CloudAccount,
  type CloudDevice,
  type CloudPlan,
  describeClockSkew,
  type KeyringStep,
  SIGNED_OUT_ENGINE_STATE,
  type SyncEngineState,
  type SyncResult,
  type SyncStatus,
} from '../../shared/domain/sync';
import type { EventBus } from '../contract/event-bus';
import type { Logger } from '../platform/logger/logger';
import type { CloudSession, Credentials } from './account/cloud-session';
import { toContractError } from './account/cloud-errors';
import { toEngineContractError } from './engine-errors';

/** Engine error codes after which the session is checked with the server. */
const SESSION_ERROR_CODES = new Set([
  'unauthenticated',
  'token_expired',
  'device_revoked',
  'refresh_reused',
  'invalid_token',
]);

/** What the service needs from the sync engine (src/main/sync/engine/sync-engine.ts). */
export interface SyncEnginePort {
  hasRemoteKeyring(): Promise<boolean>;
  createKeyring(passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  isUnlocked(): boolean;
  syncNow(): Promise<SyncResult>;
  start(): void;
  stop(): Promise<void>;
  state(): SyncEngineState;
  onStateChange(listener: (state: SyncEngineState) => void): () => void;
  lock(): Promise<void>;
}

/** Builds the engine for a signed-in device; the access token comes from the session. */
export type SyncEngineFactory = (account: CloudAccount, accessToken: () => Promise<string>) => SyncEnginePort;

export interface SyncServiceDeps {
  session: CloudSession;
  createEngine: SyncEngineFactory;
  events: EventBus;
  logger: Logger;
}

/**
 * Sync as the app sees it: the account session and, while signed in, one sync engine for this
 * device. Signing in builds and starts the engine, signing out (or the server ending the session)
 * stops it and forgets its keys. Every change reaches the UI as one `sync:state` event.
 */
export class SyncService {
  private engine: { deviceId: string; engine: SyncEnginePort; unsubscribe: () => void } | null = null;
  private keyringStep: KeyringStep | null = null;
  /** The last engine error code acted on (see followAuthErrors). */
  private followedError: string | null = null;
  private stopSession: (() => void) | null = null;
  /** Serialises engine swaps: sign-in, sign-out and a server-ended session can race. */
  private reconciling: Promise<void> = Promise.resolve();
  /** start()'s work; calls wait for it so a UI that asks early sees the stored session. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SyncServiceDeps) {}

  /** Loads the stored session and, if signed in, starts syncing in the background. */
  start(): Promise<void> {
    this.ready = (async () => {
      await this.deps.session.load();
      this.stopSession ??= this.deps.session.onChange(() => void this.reconcile());
      await this.reconcile();
    })();
    return this.ready;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    this.stopSession?.();
    this.stopSession = null;
    await this.reconciling;
    await this.detach();
  }

  /** The session other cloud features (AI, relay) use. */
  get session(): CloudSession {
    return this.deps.session;
  }

  status(): SyncStatus {
    const engineState = this.engine?.engine.state() ?? SIGNED_OUT_ENGINE_STATE;
    return {
      serverUrl: this.deps.session.serverUrl(),
      account: this.deps.session.current(),
      signedOutReason: this.deps.session.signedOutReason(),
      keyring: this.engine ? (this.engine.engine.isUnlocked() ? 'ready' : (this.keyringStep ?? 'unknown')) : null,
      engine: engineState,
      clockWarning: describeClockSkew(engineState.clockSkewMs),
    };
  }

  /** The status after checking the server for a keyring when the passphrase step is not known yet. */
  async refreshStatus(): Promise<SyncStatus> {
    await this.settled();
    if (
      this.engine &&
      !this.engine.engine.isUnlocked() &&
      this.keyringStep !== 'create' &&
      this.keyringStep !== 'unlock'
    ) {
      await this.checkKeyring(this.engine.engine);
    }
    return this.status();
  }

  async setServerUrl(serverUrl: string): Promise<SyncStatus> {
    await this.cloud(() => this.deps.session.setServerUrl(serverUrl));
    return this.status();
  }

  async signUp(credentials: Credentials): Promise<SyncStatus> {
    await this.cloud(() => this.deps.session.signUp(credentials));
    return this.refreshStatus();
  }

  async signIn(credentials: Credentials): Promise<SyncStatus> {
    await this.cloud(() => this.deps.session.signIn(credentials));
    return this.refreshStatus();
  }

  async signOut(): Promise<SyncStatus> {
    // Keys first: even if the server cannot be reached, nothing stays unlocked here.
    await this.detach();
    await this.cloud(() => this.deps.session.signOut());
    await this.settled();
    return this.status();
  }

  async setPassphrase(passphrase: string): Promise<SyncStatus> {
    const engine = await this.requireEngine();
    try {
      await this.engineCall(() => engine.createKeyring(passphrase));
    } catch (error) {
      // Another device set the passphrase first: this one now has to unlock instead.
      if (error instanceof ContractError && syncCodeOf(error) === 'keyring_exists') this.keyringStep = 'unlock';
      throw error;
    }
    this.keyringStep = 'ready';
    this.afterUnlock(engine);
    return this.status();
  }

  async unlock(passphrase: string): Promise<SyncStatus> {
    const engine = await this.requireEngine();
    await this.engineCall(() => engine.unlock(passphrase));
    this.keyringStep = 'ready';
    this.afterUnlock(engine);
    return this.status();
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<SyncStatus> {
    const engine = await this.requireEngine();
    await this.engineCall(() => engine.changePassphrase(oldPassphrase, newPassphrase));
    this.emit();
    return this.status();
  }

  async syncNow(): Promise<SyncResult> {
    const engine = await this.requireEngine();
    if (!engine.isUnlocked()) {
      throw new ContractError('CONFLICT', 'Enter your sync passphrase first; until then nothing leaves this computer.');
    }
    return this.engineCall(() => engine.syncNow());
  }

  async plan(): Promise<CloudPlan> {
    const me = await this.cloud(() => this.deps.session.me());
    return {
      email: me.email,
      emailVerified: me.emailVerified,
      tier: me.tier,
      role: me.role,
      entitlements: me.entitlements,
      usage: me.usage,
      createdAt: me.createdAt,
    };
  }

  devices(): Promise<CloudDevice[]> {
    return this.cloud(() => this.deps.session.devices());
  }

  async revokeDevice(deviceId: string): Promise<CloudDevice[]> {
    await this.cloud(() => this.deps.session.revokeDevice(deviceId));
    await this.settled();
    return this.deps.session.current() ? this.devices() : [];
  }

  resendVerification(): Promise<void> {
    return this.cloud(() => this.deps.session.resendVerification());
  }

  requestPasswordReset(email: string, serverUrl?: string): Promise<void> {
    return this.cloud(() => this.deps.session.requestPasswordReset(email, serverUrl));
  }

  async deleteAccount(password: string): Promise<SyncStatus> {
    await this.cloud(() => this.deps.session.deleteAccount(password));
    await this.settled();
    return this.status();
  }

  /** Brings the engine in line with the session: one engine per signed-in device, none signed out. */
  private reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(async () => {
      const account = this.deps.session.current();
      if (this.engine && this.engine.deviceId !== account?.deviceId) await this.detach();
      if (account && !this.engine) this.attach(account);
      this.emit();
    });
    return this.reconciling;
  }

  private attach(account: CloudAccount): void {
    const engine = this.deps.createEngine(account, () => this.deps.session.accessToken());
    const unsubscribe = engine.onStateChange((state) => {
      this.followAuthErrors(state);
      this.emit();
    });
    this.engine = { deviceId: account.deviceId, engine, unsubscribe };
    this.keyringStep = null;
    this.followedError = null;
    engine.start();
    if (!engine.isUnlocked()) void this.checkKeyring(engine).then(() => this.emit());
  }

  private async detach(): Promise<void> {
    const current = this.engine;
    if (!current) return;
    this.engine = null;
    this.keyringStep = null;
    current.unsubscribe();
    try {
      await current.engine.stop();
    } finally {
      await current.engine.lock();
    }
    this.emit();
  }

  /**
   * The engine's own calls can be refused for auth reasons the session has not seen yet (the device
   * was revoked meanwhile, or the server's clock says the token expired). The session is asked once
   * per such error, so a revoked device signs out with its reason instead of retrying forever.
   */
  private followAuthErrors(state: SyncEngineState): void {
    const code = state.lastError?.code ?? null;
    if (code === this.followedError) return;
    this.followedError = code;
    if (code === 'token_expired') this.deps.session.expireAccessToken();
    if (code !== null && SESSION_ERROR_CODES.has(code)) void this.deps.session.verify();
  }

  /** Whether this is the first device (no keyring on the server) or another one. */
  private async checkKeyring(engine: SyncEnginePort): Promise<void> {
    try {
      const exists = await engine.hasRemoteKeyring();
      if (this.engine?.engine === engine) this.keyringStep = exists ? 'unlock' : 'create';
    } catch (error) {
      this.deps.logger.info({ err: summary(error) }, 'sync: keyring not checked (server unreachable?)');
      if (this.engine?.engine === engine) this.keyringStep = 'unknown';
    }
  }

  private afterUnlock(engine: SyncEnginePort): void {
    this.emit();
    // start() at sign-in found no keys and left background sync off; now it runs, beginning with
    // a sync at once (start() is idempotent, so an engine that started on its own is unaffected).
    engine.start();
  }

  /** Waits for start() and any engine swap in progress. */
  private async settled(): Promise<void> {
    await this.ready;
    await this.reconciling;
  }

  private async requireEngine(): Promise<SyncEnginePort> {
    await this.settled();
    if (!this.engine) {
      throw new ContractError('UNAUTHORIZED', this.deps.session.signedOutReason() ?? 'Sign in to Cadence sync first.');
    }
    return this.engine.engine;
  }

  private emit(): void {
    this.deps.events.emit('sync:state', this.status());
  }

  private async cloud<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toContractError(error);
    }
  }

  private async engineCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toEngineContractError(toContractError(error));
    } finally {
      this.emit();
    }
  }
}

function syncCodeOf(error: ContractError): string | null {
  const details = error.details as { syncCode?: unknown } | undefined;
  return typeof details?.syncCode === 'string' ? details.syncCode : null;
}

function summary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
