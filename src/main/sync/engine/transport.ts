import type { ServerErrorCode } from '../../../shared/sync-api/errors';
import type { Keyring, PullResponse, PushRequest, PushResponse } from '../../../shared/sync-api/sync';

/** A keyring as sent in a PUT (the server assigns the version). */
export type KeyringDraft = Omit<Keyring, 'version'>;

/** Why a transport call failed: a server error code, or a failure to reach or understand it. */
export type SyncTransportErrorCode = ServerErrorCode | 'network' | 'bad_response';

export class SyncTransportError extends Error {
  constructor(
    readonly code: SyncTransportErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly details?: Record<string, unknown>,
    /** From Retry-After on 429/503, when the server sent it. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }
}

/** Auth failures mean "sign in again", never "retry". */
export function isAuthFailure(error: unknown): boolean {
  return (
    error instanceof SyncTransportError &&
    ['unauthenticated', 'token_expired', 'refresh_reused', 'device_revoked', 'invalid_token'].includes(error.code)
  );
}

export function isNetworkFailure(error: unknown): boolean {
  return error instanceof SyncTransportError && error.code === 'network';
}

export interface LiveHandlers {
  /** Another device pushed; `cursor` is the server's newest. */
  onChanged(cursor: string): void;
  /** The channel opened (after connecting or reconnecting). */
  onOpen?(): void;
  /** The channel closed; `error` is set when it failed rather than being closed by us. */
  onClose(error: SyncTransportError | null): void;
}

export interface LiveSubscription {
  close(): void;
}

/**
 * How the engine reaches a sync server. HttpSyncTransport talks to the real one; tests use
 * MemorySyncServer's transports, which follow the same semantics (idempotent push by HLC,
 * cursor paging oldest first, keyring versions with 409).
 */
export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(cursor: string | null, limit: number): Promise<PullResponse>;
  /** The keyring, or null before the first device created one. */
  getKeyring(): Promise<Keyring | null>;
  /** Stores a keyring when the stored version is `expectedVersion`; 409 → SyncTransportError('conflict'). */
  putKeyring(expectedVersion: number | null, keyring: KeyringDraft): Promise<Keyring>;
  /** Opens the live channel; reconnecting after a close is the caller's decision. */
  openLive(handlers: LiveHandlers): LiveSubscription;
}
