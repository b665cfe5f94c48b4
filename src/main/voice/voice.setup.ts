import { join } from 'node:path';
import type { AccountsDomain } from '../accounts/accounts.setup';
import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { CoachDomain } from '../coach/coach.setup';
import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import type { PublishingDomain } from '../publishing/publishing.setup';
import { createActionRegistry } from './actions/action-registry';
import type { ActionPorts } from './actions/action-types';
import { CustomCommandsRepository } from './custom/custom-commands.repository';
import { CommandHistoryRepository } from './history/command-history.repository';
import { normalizePhrase } from './intents';
import { createSpeechSynthesizer } from './speech/speech-synthesizer';
import { CommandRunner } from './voice-commands';
import {
  createVoiceRecognition,
  type TopicWords,
  topicVocabulary,
  type VoiceRecognitionOptions,
} from './voice-recognition';
import { VoiceSettingsStore } from './voice-settings.store';
import { voiceHandlers } from './voice.handlers';
import { HOTKEY_NOT_STARTED, type HotkeyAvailability, NO_GLOBAL_HOTKEY, VoiceService } from './voice.service';

/** How long post changes are gathered before the recognizer's topic words are rebuilt. */
const TOPIC_REFRESH_DELAY_MS = 1_000;

/** The voice domain as the core wires it: its handlers and its lifecycle. */
export interface VoiceDomain {
  service: VoiceService;
  handlers: HandlerSlice<'voice'>;
  /**
   * Rebuilds recognition with other files (the built worker and test models in tests and benches),
   * keeping the domain's settings and grammar; the engines it replaces are closed.
   */
  attachRecognition(overrides: VoiceRecognitionOptions['overrides']): Promise<void>;
  /** Resolves when the pocketsphinx topic words reflect the posts saved so far. */
  topicsReady(): Promise<void>;
  start(): void;
  close(): Promise<void>;
}

/** The domains whose work spoken commands do. */
export interface VoiceNeighbours {
  publishing: PublishingDomain;
  accounts: AccountsDomain;
  analytics: AnalyticsDomain;
  coach: CoachDomain;
}

export interface VoiceOptions {
  /** Whether the host runs a global key hook; the headless host has none. */
  hotkey?: HotkeyAvailability;
}

/** `neighbours` is read only when a command runs, so the core can wire voice beside the domains it uses. */
export function createVoice(
  deps: DomainDeps,
  neighbours: () => VoiceNeighbours,
  options: VoiceOptions = {},
): VoiceDomain {
  const { ports, database, events } = deps;
  const now = () => ports.clock.now();
  const settings = new VoiceSettingsStore(database.db, now, ports.logger);
  const history = new CommandHistoryRepository(database.db);
  const custom = new CustomCommandsRepository(database.db, normalizePhrase, now);
  const actionPorts: ActionPorts = {
    posts: deps.posts,
    llm: deps.llm,
    publishNow: (postId) => neighbours().publishing.service.publishNow(postId),
    jobsOf: async (postId) => {
      // Scheduling queues jobs in reaction to the post change; wait for that reaction first.
      await neighbours().publishing.settled();
      return neighbours().publishing.service.listJobs({ postId });
    },
    connectedPlatforms: async () =>
      (await neighbours().accounts.service.listAccounts())
        .filter((a) => a.source === 'connected')
        .map((a) => a.platform),
    lastPublished: async () => {
      const posts = await neighbours().analytics.service.publishedPosts();
      return posts.reduce<(typeof posts)[number] | null>(
        (last, p) => (last === null || p.publishedAt >= last.publishedAt ? p : last),
        null,
      );
    },
    goalStatus: () => neighbours().coach.service.goal.status(),
    defaultPlatform: async () => (await deps.profile.get())?.platforms[0] ?? null,
  };
  const registry = createActionRegistry(actionPorts);
  const runner = new CommandRunner({
    history,
    registry,
    llm: deps.llm,
    events,
    logger: ports.logger,
    now,
    timeZone: async () => (await deps.profile.get())?.timezone ?? 'UTC',
    settings: () => settings.current(),
    customCommands: () => custom.list(),
  });
  const topicWords: TopicWords = { words: topicVocabulary([]) };
  const recognitionWith = (overrides: VoiceRecognitionOptions['overrides'] = {}) =>
    createVoiceRecognition({
      dataDir: ports.dataDir,
      logger: ports.logger,
      settings: () => settings.current(),
      topicWords,
      overrides,
    });
  const recognition = recognitionWith();
  const speech = createSpeechSynthesizer({ cacheDir: join(ports.dataDir, 'cache', 'speech'), logger: ports.logger });
  const service = new VoiceService({
    events,
    logger: ports.logger,
    settings,
    history,
    custom,
    registry,
    runner,
    recognition,
    speech,
    hotkey: options.hotkey ?? (ports.mode === 'desktop' ? HOTKEY_NOT_STARTED : NO_GLOBAL_HOTKEY),
  });

  let unsubscribe: (() => void) | null = null;
  let loading: Promise<unknown> = Promise.resolve();
  const refreshTopics = () => {
    loading = loading
      .then(async () => {
        const [recent, profile] = await Promise.all([deps.posts.list({ limit: 200, offset: 0 }), deps.profile.get()]);
        topicWords.words = topicVocabulary([profile?.niche ?? '', ...recent.items.map((p) => p.title)]);
      })
      .catch((error: unknown) => ports.logger.warn({ err: error }, 'voice: topic words not refreshed'));
  };

  // Publishing and bulk runs change posts many times a second; the vocabulary only needs to be
  // current by the next utterance, so changes are coalesced instead of re-reading posts each time.
  let pendingRefresh: NodeJS.Timeout | null = null;
  const refreshSoon = () => {
    if (pendingRefresh) return;
    pendingRefresh = setTimeout(() => {
      pendingRefresh = null;
      refreshTopics();
    }, TOPIC_REFRESH_DELAY_MS);
    pendingRefresh.unref();
  };
  const flushRefresh = () => {
    if (!pendingRefresh) return;
    clearTimeout(pendingRefresh);
    pendingRefresh = null;
    refreshTopics();
  };

  return {
    service,
    handlers: voiceHandlers(service),
    attachRecognition: (overrides) => service.attachRecognition(recognitionWith(overrides)),
    topicsReady: async () => {
      flushRefresh();
      // A refresh queued while waiting is waited for too.
      let seen: Promise<unknown>;
      do {
        seen = loading;
        await seen;
      } while (seen !== loading);
    },
    start: () => {
      loading = settings.load().catch((error: unknown) => ports.logger.warn({ err: error }, 'voice: settings'));
      refreshTopics();
      unsubscribe = events.onAny((event) => {
        if (event === 'posts:changed') refreshSoon();
      });
    },
    close: async () => {
      unsubscribe?.();
      if (pendingRefresh) clearTimeout(pendingRefresh);
      await loading;
      await service.close();
    },
  };
}
