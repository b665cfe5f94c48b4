import { ContractError } from '../../../shared/contract/errors';
import type { HandlerSlice } from '../../contract/handlers';
import type { DomainDeps } from '../../domain-deps';
import type { CloudSession } from '../../sync/account/cloud-session';
import type { TokensPort } from '../queue/ports';
import { RelayClient } from './relay-client';
import { followRelayedPosts, startRelayPolling } from './relay-follow';
import { RELAY_SIGN_IN_MESSAGE, relayHandlers } from './relay.handlers';

export interface RelayOptions {
  /** The accounts domain's tokens port (the same one the queue uses). */
  tokens: TokensPort;
  /** The sync domain's session, looked up per call (the sync domain is built beside this one). */
  session: () => CloudSession | undefined;
  /** Applies a post change to its jobs (the publishing service's `syncPost`). */
  resync: (postId: string) => Promise<void>;
  /** How often results are pulled and eligible jobs handed over; 60 s by default. */
  intervalMs?: number;
  fetch?: typeof fetch;
}

/** The publish relay's desktop side as the core wires it. */
export interface RelayDomain {
  client: RelayClient;
  handlers: HandlerSlice<'relay'>;
  /** Follows post changes and starts the background pass (quiet while nobody is signed in). */
  start(): void;
  close(): Promise<void>;
}

export function createRelay(deps: DomainDeps, options: RelayOptions): RelayDomain {
  const { ports, database, events } = deps;
  const client = new RelayClient({
    database,
    clock: ports.clock,
    logger: ports.logger,
    tokens: options.tokens,
    session: {
      current: () => options.session()?.current() ?? null,
      accessToken: () => {
        const session = options.session();
        if (!session) return Promise.reject(new ContractError('UNAUTHORIZED', RELAY_SIGN_IN_MESSAGE));
        return session.accessToken();
      },
    },
    dataDir: ports.dataDir,
    events,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let stops: (() => void)[] = [];
  return {
    client,
    handlers: relayHandlers({ client, session: options.session, db: database.db }),
    start: () => {
      stops = [
        followRelayedPosts({ relay: client, events, db: database.db, logger: ports.logger, resync: options.resync }),
        // Signed out, a pass stops at the session check (UNAUTHORIZED, not logged): no SQL, no network.
        startRelayPolling(client, ports.logger, options.intervalMs),
      ];
    },
    close: async () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
