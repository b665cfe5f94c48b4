import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { mediaHandlers } from './media.handlers';
import { MediaService } from './media.service';

/** The media domain as the core wires it: its handlers and its lifecycle. */
export interface MediaDomain {
  service: MediaService;
  handlers: HandlerSlice<'media'>;
  /** Starts background work (timers, resumed jobs); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

export function createMedia(deps: DomainDeps): MediaDomain {
  const { ports, database, posts } = deps;
  const service = new MediaService({
    database,
    posts,
    clock: ports.clock,
    logger: ports.logger,
    dataDir: ports.dataDir,
  });
  let starting: Promise<void> | null = null;
  return {
    service,
    handlers: mediaHandlers(service),
    start: () => {
      starting = service.start().catch((err: unknown) => ports.logger.warn({ err }, 'media temp files not cleared'));
    },
    close: async () => {
      await starting;
    },
  };
}
