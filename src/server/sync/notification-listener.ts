import pg from 'pg';
import type { Logger } from 'pino';
import { decodeNotice, SYNC_CHANNEL, type SyncNotice } from './notifications';

export interface NotificationListenerOptions {
  /** A direct (session-mode) PostgreSQL URL: LISTEN does not survive a transaction-mode pooler. */
  connectionString: string;
  logger: Logger;
  onNotice(notice: SyncNotice): void;
  /**
   * Called after the connection came back: notices sent while it was down are lost, so the
   * caller tells its sockets to pull (they find nothing new if nothing happened).
   */
  onReconnected(): void;
  /** Backoff bounds; tests shorten them. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * One dedicated PostgreSQL connection per instance that LISTENs for pushes from every instance.
 * It is not taken from the pool (a pooled client is handed to other queries and its LISTEN would
 * be lost). When the connection drops it reconnects with exponential backoff and jitter for as
 * long as the instance runs; readiness reports it down meanwhile.
 */
export class NotificationListener {
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private attempt = 0;
  private everConnected = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private lastError = 'not connected yet';

  constructor(private readonly options: NotificationListenerOptions) {}

  get isListening(): boolean {
    return this.listening;
  }

  /** The first attempt; a failure is not fatal (the instance keeps retrying and stays unready). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** For readiness: throws while the instance would miss other instances' pushes. */
  async check(): Promise<void> {
    if (!this.listening) throw new Error(`not listening for sync notifications (${this.lastError}); reconnecting`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.listening = false;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: 'cadence-sync-listener',
      connectionTimeoutMillis: 5_000,
      // A silently dropped network path is noticed by TCP instead of leaving the instance deaf.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.client = client;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      this.handleLoss(client, error);
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('connection closed')));
    client.on('notification', (message) => {
      if (message.channel !== SYNC_CHANNEL) return;
      const notice = decodeNotice(message.payload);
      if (notice) this.options.onNotice(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${SYNC_CHANNEL}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (failed || this.stopped) return;
    this.listening = true;
    this.attempt = 0;
    const reconnected = this.everConnected;
    this.everConnected = true;
    if (reconnected) {
      this.options.logger.info('sync listener reconnected');
      this.options.onReconnected();
    }
  }

  private handleLoss(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.lastError = error instanceof Error ? error.message : String(error);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const min = this.options.minDelayMs ?? 250;
    const max = this.options.maxDelayMs ?? 10_000;
    const ceiling = Math.min(max, min * 2 ** this.attempt);
    this.attempt += 1;
    // Full-ish jitter: many instances losing the database together do not reconnect in lockstep.
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.options.logger.warn({ err: this.lastError, retryInMs: delay }, 'sync listener lost its connection');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}
