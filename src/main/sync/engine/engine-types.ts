/** What the app shows about sync (H4's Settings page and the `sync:state` event). */
export interface SyncEngineState {
  phase: 'signed-out' | 'locked' | 'idle' | 'syncing' | 'offline' | 'error';
  lastSyncedAt: string | null;
  /** Local changes not on the server yet. */
  pending: number;
  conflictsResolved: number;
  lastError: { code: string; message: string } | null;
  /**
   * How far this device's clock is from the server's (positive: ahead), set only when it is off
   * by more than 5 minutes; null when it is fine or not known yet. Sync still works either way.
   */
  clockSkewMs: number | null;
  /** When a failed sync will be tried again (ISO time), while backing off. */
  nextRetryAt: string | null;
}

export interface SyncResult {
  pushed: number;
  pulled: number;
  conflictsResolved: number;
}

/** Minimal logger (pino-compatible): never given keys, passphrases or change contents. */
export interface SyncLogger {
  info(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
}

/** Engine errors with stable codes: 'locked', 'keyring_exists', 'no_keyring', 'keyring_conflict', plus crypto and transport codes. */
export class SyncEngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncEngineError';
  }
}

/** Tolerated clock difference before the app tells the user to fix the device's time. */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;
