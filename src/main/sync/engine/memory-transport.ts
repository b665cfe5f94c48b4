import type { Keyring, PullResponse, PushRequest, PushResponse } from '../../../shared/sync-api/sync';
import {
  type KeyringDraft,
  type LiveHandlers,
  type LiveSubscription,
  type SyncTransport,
  SyncTransportError,
} from './transport';

interface StoredChange {
  seq: number;
  hlc: string;
  keyId: string;
  blob: string;
  deviceId: string;
}

/**
 * An in-memory sync server with the real one's semantics, for tests: a push is idempotent by HLC
 * (a retry stores nothing new), pull pages oldest first after an opaque cursor, the keyring has
 * versions and refuses a stale `expectedVersion` with 409, and a push notifies the user's other
 * devices' live channels.
 */
export class MemorySyncServer {
  readonly log: StoredChange[] = [];
  private keyring: Keyring | null = null;
  private readonly live = new Map<string, Set<LiveHandlers>>();
  private readonly offline = new Set<string>();
  /** Tests: pulls see only the first N stored changes (null: all). */
  visibleCount: number | null = null;

  constructor(readonly now: () => number = Date.now) {}

  /** A device's view of the server. */
  transport(deviceId: string): MemorySyncTransport {
    return new MemorySyncTransport(this, deviceId);
  }

  setOnline(deviceId: string, online: boolean): void {
    if (online) this.offline.delete(deviceId);
    else this.offline.add(deviceId);
  }

  /** @internal */
  reach(deviceId: string): void {
    if (this.offline.has(deviceId))
      throw new SyncTransportError('network', 'Could not reach the sync server (offline).');
  }

  /** @internal */
  push(deviceId: string, request: PushRequest): PushResponse {
    this.reach(deviceId);
    const known = new Set(this.log.map((c) => c.hlc));
    let accepted = 0;
    for (const change of request.changes) {
      if (known.has(change.hlc)) continue;
      known.add(change.hlc);
      this.log.push({ seq: this.log.length + 1, deviceId, ...change });
      accepted += 1;
    }
    const cursor = String(this.log.length);
    if (accepted > 0) {
      for (const [other, handlers] of this.live) {
        if (other === deviceId) continue;
        for (const handler of handlers) queueMicrotask(() => handler.onChanged(cursor));
      }
    }
    return { accepted, cursor, serverTime: this.now() };
  }

  /** @internal */
  pull(deviceId: string, cursor: string | null, limit: number): PullResponse {
    this.reach(deviceId);
    const visible = this.visibleCount === null ? this.log : this.log.slice(0, this.visibleCount);
    const after = cursor === null ? 0 : Number(cursor);
    const page = visible.slice(after, after + limit);
    const next = after + page.length;
    return {
      changes: page.map(({ hlc, keyId, blob, deviceId: from }) => ({ hlc, keyId, blob, deviceId: from })),
      cursor: String(next),
      hasMore: next < visible.length,
      serverTime: this.now(),
    };
  }

  /** @internal */
  getKeyring(deviceId: string): Keyring | null {
    this.reach(deviceId);
    return this.keyring ? structuredClone(this.keyring) : null;
  }

  /** @internal */
  putKeyring(deviceId: string, expectedVersion: number | null, draft: KeyringDraft): Keyring {
    this.reach(deviceId);
    const currentVersion = this.keyring?.version ?? null;
    if (currentVersion !== expectedVersion) {
      throw new SyncTransportError('conflict', 'The keyring changed since it was read.', 409);
    }
    this.keyring = { ...structuredClone(draft), version: (currentVersion ?? 0) + 1 };
    return structuredClone(this.keyring);
  }

  /** @internal */
  subscribe(deviceId: string, handlers: LiveHandlers): LiveSubscription {
    if (this.offline.has(deviceId)) {
      queueMicrotask(() =>
        handlers.onClose(new SyncTransportError('network', 'Could not reach the sync server (offline).')),
      );
      return { close: () => undefined };
    }
    const set = this.live.get(deviceId) ?? new Set();
    this.live.set(deviceId, set);
    set.add(handlers);
    queueMicrotask(() => handlers.onOpen?.());
    return {
      close: () => {
        set.delete(handlers);
        handlers.onClose(null);
      },
    };
  }
}

export class MemorySyncTransport implements SyncTransport {
  constructor(
    private readonly server: MemorySyncServer,
    readonly deviceId: string,
  ) {}

  async push(request: PushRequest): Promise<PushResponse> {
    return this.server.push(this.deviceId, structuredClone(request));
  }

  async pull(cursor: string | null, limit: number): Promise<PullResponse> {
    return this.server.pull(this.deviceId, cursor, limit);
  }

  async getKeyring(): Promise<Keyring | null> {
    return this.server.getKeyring(this.deviceId);
  }

  async putKeyring(expectedVersion: number | null, keyring: KeyringDraft): Promise<Keyring> {
    return this.server.putKeyring(this.deviceId, expectedVersion, keyring);
  }

  openLive(handlers: LiveHandlers): LiveSubscription {
    return this.server.subscribe(this.deviceId, handlers);
  }
}
