import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../shared/sync-api/sync';
import type { ServerMetrics } from '../observability/metrics';
import type { SyncNotice } from './notifications';

/** How often sockets get a ping (below common 30-60 s proxy idle timeouts). */
export const LIVE_PING_INTERVAL_MS = 25_000;

interface LiveSocket {
  userId: string;
  deviceId: string;
  socket: WebSocket;
  /** Cleared at each ping, set again by the pong: still false at the next tick means the peer is gone. */
  alive: boolean;
}

/**
 * The live sockets connected to this instance, by user. It only forwards "your log changed"; the
 * device then pulls over HTTP, so a lost notice costs latency, never data. One timer pings every
 * socket (cheaper than a timer per connection at thousands of them).
 */
export interface LiveHubOptions {
  pingIntervalMs?: number;
  /**
   * Which of these devices may still listen (not revoked, account not deleted). Asked once per
   * ping round for all sockets together, so a revoked device stops hearing about its user's
   * activity within a round instead of when its socket happens to close.
   */
  activeDevices?: (deviceIds: string[]) => Promise<ReadonlySet<string>>;
  onSweepError?: (error: unknown) => void;
}

/** Close code for a socket whose device was signed out (4000-4999 are the application's own). */
export const CLOSE_DEVICE_REVOKED = 4401;

export class LiveHub {
  private readonly byUser = new Map<string, Set<LiveSocket>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly metrics: ServerMetrics,
    private readonly options: LiveHubOptions = {},
  ) {}

  get userIds(): string[] {
    return [...this.byUser.keys()];
  }

  get size(): number {
    let count = 0;
    for (const sockets of this.byUser.values()) count += sockets.size;
    return count;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick();
      this.sweep().catch((error: unknown) => this.options.onSweepError?.(error));
    }, this.options.pingIntervalMs ?? LIVE_PING_INTERVAL_MS);
    this.timer.unref();
  }

  /** Tracks a socket until it closes. */
  add(userId: string, deviceId: string, socket: WebSocket): void {
    const entry: LiveSocket = { userId, deviceId, socket, alive: true };
    let sockets = this.byUser.get(userId);
    if (!sockets) {
      sockets = new Set();
      this.byUser.set(userId, sockets);
    }
    sockets.add(entry);
    this.metrics.liveConnections.inc();
    socket.on('pong', () => {
      entry.alive = true;
    });
    socket.once('close', () => this.remove(entry));
  }

  /** Forwards a push to the user's other devices on this instance (never back to the pusher). */
  deliver(notice: SyncNotice): void {
    const sockets = this.byUser.get(notice.u);
    if (!sockets) return;
    const message = encode({ type: 'changed', cursor: notice.c });
    for (const entry of sockets) {
      if (entry.deviceId !== notice.d) send(entry.socket, message);
    }
  }

  /** Tells every socket of these users to pull (after notices may have been missed). */
  nudge(cursors: ReadonlyMap<string, string>): void {
    for (const [userId, cursor] of cursors) {
      const message = encode({ type: 'changed', cursor });
      for (const entry of this.byUser.get(userId) ?? []) send(entry.socket, message);
    }
  }

  /** One ping round: drops sockets that did not answer the last one, pings the rest. */
  tick(): void {
    const ping = encode({ type: 'ping' });
    for (const sockets of this.byUser.values()) {
      for (const entry of sockets) {
        if (!entry.alive) {
          entry.socket.terminate();
          continue;
        }
        entry.alive = false;
        // A protocol ping proves the peer is there; the JSON ping is the contract's keep-alive
        // for clients (browsers) that cannot see protocol pings.
        if (entry.socket.readyState === entry.socket.OPEN) entry.socket.ping();
        send(entry.socket, ping);
      }
    }
  }

  /** Closes the sockets of devices that were revoked or deleted since they connected. */
  async sweep(): Promise<void> {
    if (!this.options.activeDevices || this.byUser.size === 0) return;
    const entries = [...this.byUser.values()].flatMap((sockets) => [...sockets]);
    const active = await this.options.activeDevices([...new Set(entries.map((e) => e.deviceId))]);
    for (const entry of entries) {
      if (!active.has(entry.deviceId)) entry.socket.close(CLOSE_DEVICE_REVOKED, 'device_revoked');
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private remove(entry: LiveSocket): void {
    const sockets = this.byUser.get(entry.userId);
    if (!sockets?.delete(entry)) return;
    this.metrics.liveConnections.dec();
    if (sockets.size === 0) this.byUser.delete(entry.userId);
  }
}

function encode(message: LiveMessage): string {
  return JSON.stringify(message);
}

function send(socket: WebSocket, message: string): void {
  if (socket.readyState === socket.OPEN) socket.send(message);
}
