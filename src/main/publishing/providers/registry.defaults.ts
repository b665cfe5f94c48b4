import type { Platform } from '../../../shared/domain/platform';
import { createMastodonConnector } from './mastodon/mastodon.connector';
import type { ConnectorFactory } from './registry';
import { createXConnector } from './x/x.connector';

/** The connectors this build has (each providers/<platform>/ exports a factory). */
export function defaultConnectorFactories(): Partial<Record<Platform, ConnectorFactory>> {
  return {
    x: () => createXConnector(),
    mastodon: () => createMastodonConnector(),
  };
}
