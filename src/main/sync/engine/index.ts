/** The sync engine's public surface (used by src/main/sync/sync.service.ts). */
export { SyncEngine, type SyncEngineDeps } from './sync-engine';
export { SyncEngineError, type SyncEngineState, type SyncLogger, type SyncResult } from './engine-types';
export { HttpSyncTransport, type HttpSyncTransportOptions } from './http-transport';
export { MemorySyncServer, MemorySyncTransport } from './memory-transport';
export {
  isAuthFailure,
  isNetworkFailure,
  type KeyringDraft,
  type LiveHandlers,
  type LiveSubscription,
  type SyncTransport,
  SyncTransportError,
} from './transport';
export { SyncCryptoError, type SyncCryptoErrorCode } from '../crypto/errors';
