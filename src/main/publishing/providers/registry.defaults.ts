import type { Platform } from '../../../shared/domain/platform';
import { createInstagramConnector } from './instagram/instagram.connector';
import { createFacebookConnector } from './facebook/facebook.connector';
import { createLinkedInConnector } from './linkedin/linkedin.connector';
import { createBlueskyConnector } from './bluesky/bluesky.connector';
import { createMastodonConnector } from './mastodon/mastodon.connector';
import type { ConnectorFactory } from './registry';
import { createThreadsConnector } from './threads/threads.connector';
import { createTikTokConnector } from './tiktok/tiktok.connector';
import { createXConnector } from './x/x.connector';
import { createYouTubeConnector } from './youtube/youtube.connector';

/** The connectors this build has (each providers/<platform>/ exports a factory). */
export function defaultConnectorFactories(): Partial<Record<Platform, ConnectorFactory>> {
  return {
    x: () => createXConnector(),
    mastodon: () => createMastodonConnector(),
    bluesky: () => createBlueskyConnector(),
    linkedin: () => createLinkedInConnector(),
    tiktok: () => createTikTokConnector(),
    facebook: () => createFacebookConnector(),
    youtube: () => createYouTubeConnector(),
    instagram: () => createInstagramConnector(),
    threads: () => createThreadsConnector(),
  };
}
