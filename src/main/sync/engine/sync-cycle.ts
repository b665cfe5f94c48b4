import type { StampedChange } from '../../../shared/sync/change';
import type { HybridLogicalClock } from '../../../shared/sync/hlc';
import type { EncryptedChange, PulledChange } from '../../../shared/sync-api/sync';
import { openChange, sealChange } from '../crypto/change-cipher';
import { SyncCryptoError } from '../crypto/errors';
import type { UnlockedKeys } from '../crypto/keyring';
import { applyRemoteChange, retryShadowRows } from './apply';
import { captureLocalChanges } from './capture';
import type { SyncLocalStore } from './local-store';
import type { SyncTransport } from './transport';

/** What one sync cycle needs from the engine. */
export interface CycleContext {
  store: SyncLocalStore;
  clock: HybridLogicalClock;
  transport: SyncTransport;
  deviceId: string;
  now: () => number;
  /** Runs `fn` with the database to itself (no app transaction open in between). */
  exclusive<T>(fn: () => T): Promise<T>;
  keys(): UnlockedKeys;
  /** Fetches the keyring and learns keys this device lacks (after a rotation elsewhere). */
  refreshKeys(): Promise<void>;
  /** The server's wall clock, for the skew warning. */
  observeServerTime(serverTime: number): void;
  /** A change that could not be used (corrupt, too large): reported, never blocks the rest. */
  reportSkipped(error: SyncCryptoError): void;
}

const PULL_PAGE = 500;
const PUSH_COUNT = 500;
// Stays under the server's 8 MiB push body limit with room for JSON framing.
const PUSH_BYTES = 6 * 1024 * 1024;

export async function captureNow(ctx: CycleContext): Promise<number> {
  return ctx.exclusive(() =>
    ctx.store.raw.transaction(() => captureLocalChanges(ctx.store, ctx.clock, ctx.now() - Date.now()))(),
  );
}

/** Pulls every page after the stored cursor and applies it; returns how many remote changes were applied. */
export async function pullAndApply(ctx: CycleContext): Promise<{ pulled: number; conflicts: number }> {
  let pulled = 0;
  let conflicts = 0;
  for (;;) {
    const cursor = ctx.store.state().cursor;
    const page = await ctx.transport.pull(cursor, PULL_PAGE);
    ctx.observeServerTime(page.serverTime);
    const changes = await openAll(
      ctx,
      page.changes.filter((c) => c.deviceId !== ctx.deviceId),
    );
    const now = ctx.now();
    conflicts += await ctx.exclusive(() =>
      ctx.store.raw.transaction(() => {
        // Local writes made since the last capture are stamped first, so they compete fairly.
        captureLocalChanges(ctx.store, ctx.clock, now - Date.now());
        const mode = ctx.store.mode() === 1 ? 1 : 0;
        ctx.store.setMode(2);
        let found = 0;
        for (const change of changes) {
          ctx.clock.receive(change.hlc, now);
          found += applyRemoteChange(ctx.store, change);
        }
        retryShadowRows(ctx.store);
        ctx.store.setMode(mode);
        ctx.store.saveCursor(page.cursor);
        ctx.store.saveClock(ctx.clock.current());
        ctx.store.addConflicts(found);
        return found;
      })(),
    );
    pulled += changes.length;
    if (!page.hasMore || page.changes.length === 0) return { pulled, conflicts };
  }
}

async function openAll(ctx: CycleContext, pulled: PulledChange[]): Promise<StampedChange[]> {
  if (pulled.some((c) => !ctx.keys().keys.has(c.keyId))) await ctx.refreshKeys();
  const opened: StampedChange[] = [];
  for (const change of pulled) {
    const key = ctx.keys().keys.get(change.keyId);
    if (!key) {
      ctx.reportSkipped(new SyncCryptoError('unknown_key', `Change ${change.hlc} uses a key this device cannot open.`));
      continue;
    }
    try {
      opened.push(openChange(change, key));
    } catch (error) {
      if (error instanceof SyncCryptoError) ctx.reportSkipped(error);
      else throw error;
    }
  }
  return opened;
}

/** Seals and pushes the outbox in batches; a batch leaves the outbox only after the server took it. */
export async function pushOutbox(ctx: CycleContext): Promise<number> {
  let pushed = 0;
  for (;;) {
    const entries = ctx.store.outboxBatch(PUSH_COUNT);
    if (entries.length === 0) return pushed;
    const { currentKeyId, keys } = ctx.keys();
    const key = keys.get(currentKeyId)!;
    const sealed: EncryptedChange[] = [];
    const dropped: string[] = [];
    let bytes = 0;
    for (const entry of entries) {
      let change: EncryptedChange;
      try {
        change = sealChange({ ...(JSON.parse(entry.payload) as StampedChange), hlc: entry.hlc }, currentKeyId, key);
      } catch (error) {
        if (!(error instanceof SyncCryptoError)) throw error;
        ctx.reportSkipped(error);
        dropped.push(entry.hlc);
        continue;
      }
      if (sealed.length > 0 && bytes + change.blob.length > PUSH_BYTES) break;
      bytes += change.blob.length + 200;
      sealed.push(change);
    }
    if (dropped.length > 0) await ctx.exclusive(() => ctx.store.removeFromOutbox(dropped));
    if (sealed.length === 0) continue;
    const response = await ctx.transport.push({ changes: sealed, sentAt: ctx.now() });
    ctx.observeServerTime(response.serverTime);
    await ctx.exclusive(() => ctx.store.removeFromOutbox(sealed.map((c) => c.hlc)));
    pushed += sealed.length;
  }
}
