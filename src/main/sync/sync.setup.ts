import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import type { DeviceInfo } from '../../shared/sync-api/accounts';
import { CloudSession } from './account/cloud-session';
import { describeDevice } from './account/device-name';
import { SessionStore } from './account/session-store';
import { HttpSyncTransport } from './engine/http-transport';
import { SyncEngine } from './engine/sync-engine';
import { syncHandlers } from './sync.handlers';
import { type SyncEngineFactory, SyncService } from './sync.service';

/** The sync domain as the core wires it: the account session, the service, handlers, lifecycle. */
export interface SyncDomain {
  service: SyncService;
  /** For other cloud features: `current()` and `accessToken()`. */
  session: CloudSession;
  handlers: HandlerSlice<'sync'>;
  start(): void;
  close(): Promise<void>;
}

export interface SyncOptions {
  /** Replaces the engine (tests of the app-side flow against a stand-in server). */
  createEngine?: SyncEngineFactory;
  /** How this device names itself on sign-in; the computer's name by default. */
  device?: () => DeviceInfo;
  fetch?: typeof fetch;
}

export function createSync(deps: DomainDeps, options: SyncOptions = {}): SyncDomain {
  const { ports, database, events } = deps;
  const session = new CloudSession({
    store: new SessionStore(database.db, ports.secrets, () => ports.clock.now()),
    logger: ports.logger,
    now: () => ports.clock.now().getTime(),
    device: options.device ?? (() => describeDevice()),
    fetch: options.fetch,
  });
  const createEngine: SyncEngineFactory =
    options.createEngine ??
    ((account, accessToken) =>
      new SyncEngine({
        db: database,
        deviceId: account.deviceId,
        transport: new HttpSyncTransport({ baseUrl: account.serverUrl, accessToken }),
        secrets: ports.secrets,
        logger: ports.logger,
      }));
  const service = new SyncService({ session, createEngine, events, logger: ports.logger });
  return {
    service,
    session,
    handlers: syncHandlers(service),
    start: () => {
      service.start().catch((error: unknown) => ports.logger.error({ err: error }, 'sync: could not start'));
    },
    close: () => service.close(),
  };
}
