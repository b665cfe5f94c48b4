import type { KdfParams } from '../../../shared/sync-api/sync';
import { HybridLogicalClock } from '../../../shared/sync/hlc';
import type { AppDatabase } from '../../db/database';
import type { SecretsPort } from '../../platform/secrets/types';
import { SyncCryptoError } from '../crypto/errors';
import { KeyCache } from '../crypto/key-cache';
import {
  createKeyringDraft,
  followKeyring,
  rewrapKeyring,
  rotateKeyring,
  type UnlockedKeys,
  unlockKeyring,
} from '../crypto/keyring';
import { BackgroundSync } from './background';
import {
  CLOCK_SKEW_WARNING_MS,
  SyncEngineError,
  type SyncEngineState,
  type SyncLogger,
  type SyncResult,
} from './engine-types';
import { SyncLocalStore } from './local-store';
import { captureNow, type CycleContext, pullAndApply, pushOutbox } from './sync-cycle';
import {
  isAuthFailure,
  isNetworkFailure,
  type KeyringDraft,
  type SyncTransport,
  SyncTransportError,
} from './transport';

export type { SyncEngineState, SyncResult } from './engine-types';

export interface SyncEngineDeps {
  db: AppDatabase;
  /** This device's id on the sync server (a UUID). */
  deviceId: string;
  transport: SyncTransport;
  secrets: SecretsPort;
  now?: () => number;
  logger?: SyncLogger;
  /** Argon2id cost for new keyrings and passphrase changes (tests use the schema's minimum). */
  kdfCost?: Omit<KdfParams, 'algorithm' | 'salt'>;
}

const KEYRING_RETRIES = 3;
const KEYRING_CHECK_MS = 10 * 60_000;

/**
 * The desktop sync engine: captures local writes (SQLite triggers), stamps them with an HLC,
 * seals them with the user's data key, pushes and pulls them, and merges remote changes per
 * field. The app's repositories are untouched; see src/main/sync/engine/README.md.
 */
export class SyncEngine {
  private readonly store: SyncLocalStore;
  private readonly keyCache: KeyCache;
  private readonly now: () => number;
  private readonly clock: HybridLogicalClock;
  private readonly listeners = new Set<(state: SyncEngineState) => void>();
  private readonly background: BackgroundSync;
  private unlocked: UnlockedKeys | null = null;
  private phase: SyncEngineState['phase'] = 'locked';
  private lastError: SyncEngineState['lastError'] = null;
  private clockSkewMs: number | null = null;
  private nextRetryAt: string | null = null;
  private queue: Promise<SyncResult> | null = null;
  private queued: Promise<SyncResult> | null = null;
  private keyringCheckedAt = 0;

  constructor(private readonly deps: SyncEngineDeps) {
    this.store = new SyncLocalStore(deps.db.raw);
    this.keyCache = new KeyCache(deps.secrets);
    this.now = deps.now ?? Date.now;
    this.clock = new HybridLogicalClock(deps.deviceId.toLowerCase(), this.store.state().clock);
    this.background = new BackgroundSync({
      run: () => this.syncNow(),
      latestLocalWrite: () => this.store.latestLogId(),
      transport: deps.transport,
      onRetryPlanned: (at) => {
        this.nextRetryAt = at === null ? null : new Date(at).toISOString();
        this.emit();
      },
      onLocalWrite: () => this.emit(),
      logger: deps.logger,
    });
  }

  async hasRemoteKeyring(): Promise<boolean> {
    return (await this.deps.transport.getKeyring()) !== null;
  }

  /** First device: creates the keyring protected by `passphrase` and turns sync on. */
  async createKeyring(passphrase: string): Promise<void> {
    if (await this.deps.transport.getKeyring()) {
      throw new SyncEngineError(
        'keyring_exists',
        'Sync already has a passphrase, set on another device. Unlock with that passphrase instead.',
      );
    }
    const { draft, unlocked } = await createKeyringDraft(passphrase, this.deps.kdfCost);
    try {
      await this.deps.transport.putKeyring(null, draft);
    } catch (error) {
      if (error instanceof SyncTransportError && error.code === 'conflict') {
        throw new SyncEngineError(
          'keyring_exists',
          'Another device set a sync passphrase a moment ago. Unlock with that passphrase instead.',
        );
      }
      throw error;
    }
    await this.becomeUnlocked(unlocked);
  }

  /** Another device: opens the keyring with the passphrase and turns sync on. */
  async unlock(passphrase: string): Promise<void> {
    const keyring = await this.deps.transport.getKeyring();
    if (!keyring) {
      throw new SyncEngineError('no_keyring', 'Sync has no passphrase yet. Set one first (this is your first device).');
    }
    await this.becomeUnlocked(await unlockKeyring(keyring, passphrase));
  }

  /** Re-wraps every key under a new passphrase; retries when another device changed the keyring meanwhile. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await this.withKeyringRetry(async () => {
      const keyring = await this.requireKeyring();
      const result = await rewrapKeyring(keyring, oldPassphrase, newPassphrase, this.deps.kdfCost);
      return { version: keyring.version, ...result };
    });
  }

  /** Starts sealing with a fresh key; devices holding the previous key follow without the passphrase. */
  async rotateKey(): Promise<void> {
    const unlocked = this.requireUnlocked();
    await this.withKeyringRetry(async () => {
      const keyring = await this.requireKeyring();
      const current = followKeyring(keyring, this.unlocked ?? unlocked);
      return { version: keyring.version, ...rotateKeyring(keyring, current) };
    });
  }

  isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  /** Forgets the keys on this device (sign-out); local data stays. */
  async lock(): Promise<void> {
    await this.stop();
    this.unlocked = null;
    await this.keyCache.clear();
    this.phase = 'locked';
    this.emit();
  }

  /** One full cycle: capture, pull and apply, push. Concurrent calls share one queued cycle. */
  syncNow(): Promise<SyncResult> {
    if (this.queued) return this.queued;
    const previous = this.queue;
    const next = (previous ? previous.catch(() => undefined) : Promise.resolve()).then(() => {
      if (this.queued === next) this.queued = null;
      return this.runCycle();
    });
    this.queued = next;
    this.queue = next;
    return next;
  }

  /** Background sync: after local writes (debounced), on live notices, every minute; backs off on failure. */
  start(): void {
    void this.ensureKeys()
      .then((ready) => {
        if (ready) this.background.start();
        this.emit();
      })
      .catch((error: unknown) => this.deps.logger?.warn({ err: String(error) }, 'sync keys could not be loaded'));
  }

  async stop(): Promise<void> {
    await this.background.stop();
    await this.queue?.catch(() => undefined);
  }

  state(): SyncEngineState {
    const saved = this.store.state();
    return {
      phase: this.phase,
      lastSyncedAt: saved.last_synced_at,
      pending: this.store.pendingCount(),
      conflictsResolved: saved.conflicts_resolved,
      lastError: this.lastError,
      clockSkewMs: this.clockSkewMs,
      nextRetryAt: this.nextRetryAt,
    };
  }

  onStateChange(listener: (state: SyncEngineState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async runCycle(): Promise<SyncResult> {
    if (!(await this.ensureKeys())) {
      throw new SyncEngineError('locked', 'Sync is locked on this device. Unlock it with your sync passphrase.');
    }
    this.phase = 'syncing';
    this.lastError = null;
    this.emit();
    const ctx = this.cycleContext();
    try {
      await ctx.exclusive(() => this.store.adoptDevice(this.deps.deviceId.toLowerCase()));
      const firstSync = this.store.mode() === 0;
      await captureNow(ctx);
      const { pulled, conflicts } = await pullAndApply(ctx);
      // The first sync on this device pulls before queueing local rows, so the account's data is
      // adopted first and what is queued is the merged state (not stale local copies that would win).
      if (firstSync) {
        await ctx.exclusive(() => this.store.enableCapture());
        await captureNow(ctx);
      }
      // A rotation elsewhere is picked up even when no change sealed with the new key came in.
      if (this.now() - this.keyringCheckedAt > KEYRING_CHECK_MS) {
        await ctx.refreshKeys();
        this.keyringCheckedAt = this.now();
      }
      const pushed = await pushOutbox(ctx);
      await ctx.exclusive(() => this.store.markSynced(new Date(this.now()).toISOString()));
      this.phase = 'idle';
      return { pushed, pulled, conflictsResolved: conflicts };
    } catch (error) {
      this.phase = isAuthFailure(error) ? 'signed-out' : isNetworkFailure(error) ? 'offline' : 'error';
      this.lastError = describe(error);
      throw error;
    } finally {
      this.emit();
    }
  }

  private cycleContext(): CycleContext {
    return {
      store: this.store,
      clock: this.clock,
      transport: this.deps.transport,
      deviceId: this.deps.deviceId,
      now: this.now,
      exclusive: (fn) => this.deps.db.db.connection().execute(async () => fn()),
      keys: () => this.requireUnlocked(),
      refreshKeys: async () => {
        const keyring = await this.requireKeyring();
        this.unlocked = followKeyring(keyring, this.requireUnlocked());
        await this.keyCache.save(this.unlocked);
      },
      observeServerTime: (serverTime) => {
        const skew = this.now() - serverTime;
        this.clockSkewMs = Math.abs(skew) > CLOCK_SKEW_WARNING_MS ? skew : null;
      },
      reportSkipped: (error) => {
        this.lastError = { code: error.code, message: error.message };
        this.deps.logger?.warn({ code: error.code }, error.message);
      },
    };
  }

  /**
   * Loads keys this device unlocked before (secrets port) without syncing; true when unlocked.
   * Call at startup to know whether to ask for the passphrase.
   */
  async restoreKeys(): Promise<boolean> {
    const ready = await this.ensureKeys();
    this.emit();
    return ready;
  }

  private async ensureKeys(): Promise<boolean> {
    if (this.unlocked) return true;
    const cached = await this.keyCache.load();
    if (!cached) return false;
    this.unlocked = cached;
    this.phase = 'idle';
    return true;
  }

  private async becomeUnlocked(unlocked: UnlockedKeys): Promise<void> {
    this.unlocked = unlocked;
    await this.keyCache.save(unlocked);
    this.phase = 'idle';
    this.lastError = null;
    this.emit();
  }

  private requireUnlocked(): UnlockedKeys {
    if (!this.unlocked)
      throw new SyncEngineError('locked', 'Sync is locked on this device. Unlock it with your sync passphrase.');
    return this.unlocked;
  }

  private async requireKeyring() {
    const keyring = await this.deps.transport.getKeyring();
    if (!keyring) throw new SyncEngineError('no_keyring', 'Sync has no passphrase yet. Set one first.');
    return keyring;
  }

  private async withKeyringRetry(
    attempt: () => Promise<{ version: number; draft: KeyringDraft; unlocked: UnlockedKeys }>,
  ): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      const { version, draft, unlocked } = await attempt();
      try {
        await this.deps.transport.putKeyring(version, draft);
        await this.becomeUnlocked(unlocked);
        return;
      } catch (error) {
        const raced = error instanceof SyncTransportError && error.code === 'conflict';
        if (!raced) throw error;
        if (tries >= KEYRING_RETRIES) {
          throw new SyncEngineError(
            'keyring_conflict',
            'Another device keeps changing the sync keys. Try again in a moment.',
          );
        }
      }
    }
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.state();
    for (const listener of this.listeners) listener(snapshot);
  }
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof SyncTransportError || error instanceof SyncCryptoError || error instanceof SyncEngineError) {
    return { code: error.code, message: error.message };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
