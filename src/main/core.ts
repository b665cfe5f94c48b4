import { join } from 'node:path';
import { createAccounts, type AccountsDomain } from './accounts/accounts.setup';
import { CloudTokenBroker } from './accounts/cloud-token-broker';
import { createPublishing, type PublishingDomain } from './publishing/publishing.setup';
import { createRelay, type RelayDomain } from './publishing/relay/relay.setup';
import { createStudio, type StudioDomain } from './studio/studio.setup';
import { createTemplates, type TemplatesDomain } from './templates/templates.setup';
import { createBrand, type BrandDomain } from './brand/brand.setup';
import { createQuality, type QualityDomain } from './quality/quality.setup';
import { createHashtags, type HashtagsDomain } from './hashtags/hashtags.setup';
import { createBulk, type BulkDomain } from './bulk/bulk.setup';
import { createMedia, type MediaDomain } from './media/media.setup';
import { createSearch, type SearchDomain } from './search/search.setup';
import { createPlanning, type PlanningDomain } from './planning/planning.setup';
import { type AnalyticsDomain, createAnalytics } from './analytics/analytics.setup';
import { AppService } from './app/app.service';
import { appHandlers } from './app/app.handlers';
import { APP_NAME, APP_VERSION } from './app/version';
import { Dispatcher } from './contract/dispatcher';
import { EventBus } from './contract/event-bus';
import type { Handlers } from './contract/handlers';
import { type CoachDomain, createCoach } from './coach/coach.setup';
import { dataHandlers } from './data/data.handlers';
import { DataService } from './data/data.service';
import { AppDatabase } from './db/database';
import { migrateToLatest, type MigrationReport } from './db/migrate';
import type { DomainDeps } from './domain-deps';
import { createImports, type ImportsDomain } from './imports/imports.setup';
import { llmAdminHandlers } from './llm/admin/llm-admin.handlers';
import { LlmAdminService } from './llm/admin/llm-admin.service';
import { llmHandlers } from './llm/llm.handlers';
import type { LlmService } from './llm/llm.service';
import { createLlm, type LlmEngineOptions, type LlmSetup } from './llm/llm.setup';
import { cadenceAccessFrom } from './llm/providers/cadence-cloud.access';
import type { CorePorts } from './ports';
import { postsHandlers } from './posts/posts.handlers';
import { PostsService } from './posts/posts.service';
import { profileHandlers } from './profile/profile.handlers';
import { ProfileService } from './profile/profile.service';
import { createReports, type ReportsDomain } from './reports/reports.setup';
import { createSync, type SyncDomain } from './sync/sync.setup';
import { createVoice, type VoiceDomain, type VoiceNeighbours } from './voice/voice.setup';

export const DATABASE_FILE = 'cadence.db';

/** Every domain service, wired from ports; used by Electron, the headless host and tests. */
export interface Core {
  ports: CorePorts;
  database: AppDatabase;
  migrations: MigrationReport;
  events: EventBus;
  dispatcher: Dispatcher;
  services: {
    app: AppService;
    profile: ProfileService;
    posts: PostsService;
    data: DataService;
    llm: LlmService;
    llmAdmin: LlmAdminService;
  };
  /** The text engines behind the LLM service (Ollama link, embedded engine, cloud key registry). */
  llm: LlmSetup;
  /** Feature domains built on the foundation, each with its own lifecycle. */
  domains: {
    imports: ImportsDomain;
    analytics: AnalyticsDomain;
    reports: ReportsDomain;
    coach: CoachDomain;
    studio: StudioDomain;
    templates: TemplatesDomain;
    brand: BrandDomain;
    quality: QualityDomain;
    hashtags: HashtagsDomain;
    bulk: BulkDomain;
    media: MediaDomain;
    search: SearchDomain;
    planning: PlanningDomain;
    accounts: AccountsDomain;
    publishing: PublishingDomain;
    voice: VoiceDomain;
    /** The Cadence account and multi-device sync (issue #7). */
    sync: SyncDomain;
    /** The publish relay: scheduled text posts handed to the sync service while this device sleeps. */
    relay: RelayDomain;
  };
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Override the database path (tests use ':memory:'). */
  databasePath?: string;
  /** A bus made before the core, for ports that push events (the host's notifications). */
  events?: EventBus;
  /** Local text engines; both 'auto' in the app. */
  llm?: LlmEngineOptions;
}

export async function createCore(ports: CorePorts, options: CoreOptions = {}): Promise<Core> {
  const databasePath = options.databasePath ?? join(ports.dataDir, DATABASE_FILE);
  const database = AppDatabase.open(databasePath);
  let migrations: MigrationReport;
  try {
    migrations = await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  if (migrations.applied.length > 0) ports.logger.info({ migrations }, 'database migrated');

  const events = options.events ?? new EventBus();
  const profile = new ProfileService(database, ports.clock, events);
  const posts = new PostsService(database, ports.clock, events);
  const data = new DataService(
    database,
    posts.repository,
    profile.repository,
    ports.clock,
    events,
    APP_VERSION,
    join(ports.dataDir, 'backups'),
  );
  const app = new AppService(
    {
      name: APP_NAME,
      version: APP_VERSION,
      mode: ports.mode,
      dataDir: ports.dataDir,
      logFile: ports.logFile,
      versions: ports.versions ?? {},
    },
    database,
    profile.repository,
    posts.repository,
  );
  // The Cadence cloud model signs in through the sync session, built later with the domains; the
  // access is looked up per call, so signing in or out needs no restart.
  const llm = createLlm(
    { ports, database, events },
    { cadence: cadenceAccessFrom(() => domains.sync.session), ...options.llm },
  );
  const llmAdmin = new LlmAdminService({ ...llm, dataDir: ports.dataDir, events, logger: ports.logger });
  const purged = await posts.purgeTrash();
  if (purged > 0) ports.logger.info({ purged }, 'emptied old posts from the trash');

  const deps: DomainDeps = { ports, database, events, llm: llm.service, posts, profile };
  const analytics = createAnalytics(deps);
  // Cadence's own apps at Meta, TikTok, LinkedIn and Google sign in through the sync service's
  // broker, which holds their secrets; the session is looked up per call (sync is built below).
  const syncSession = (): SyncDomain['session'] => domains.sync.session;
  const accounts = createAccounts(
    deps,
    {},
    {
      broker: new CloudTokenBroker({
        session: {
          current: () => syncSession().current(),
          accessToken: () => syncSession().accessToken(),
          expireAccessToken: () => syncSession().expireAccessToken(),
          verify: () => syncSession().verify(),
        },
      }),
    },
  );
  const templates = createTemplates(deps);
  // Semantic few-shot examples once search is built (called only after createCore returns).
  const brand = createBrand(
    deps,
    async (text, k) =>
      (await domains.search.service.similarPosts(text, k))?.map(({ post }) => ({ postId: post.id })) ?? null,
  );
  const domains = {
    imports: createImports(deps),
    analytics,
    reports: createReports(deps, analytics),
    coach: createCoach(deps, analytics),
    studio: createStudio(deps, templates, brand, analytics),
    templates,
    brand,
    quality: createQuality(deps),
    hashtags: createHashtags(deps, analytics),
    bulk: createBulk(deps, analytics, { brand }),
    media: createMedia(deps),
    search: createSearch(deps),
    planning: createPlanning(deps, analytics),
    accounts,
    publishing: createPublishing(deps, {
      queue: { connectors: (platform) => accounts.registry.connector(platform), tokens: accounts.tokens },
    }),
    voice: createVoice(deps, (): VoiceNeighbours => domains),
    sync: createSync(deps),
    // After publishing and sync: the relay reads the session and re-applies post changes per call.
    relay: createRelay(deps, {
      tokens: accounts.tokens,
      session: syncSession,
      resync: (postId): Promise<void> => domains.publishing.service.syncPost(postId),
    }),
  };

  const handlers: Handlers = {
    ...appHandlers(app),
    ...profileHandlers(profile),
    ...postsHandlers(posts),
    ...dataHandlers(data),
    ...llmHandlers(llm.service),
    ...llmAdminHandlers(llmAdmin),
    ...domains.imports.handlers,
    ...domains.analytics.handlers,
    ...domains.reports.handlers,
    ...domains.coach.handlers,
    ...domains.studio.handlers,
    ...domains.templates.handlers,
    ...domains.brand.handlers,
    ...domains.quality.handlers,
    ...domains.hashtags.handlers,
    ...domains.bulk.handlers,
    ...domains.media.handlers,
    ...domains.search.handlers,
    ...domains.planning.handlers,
    ...domains.accounts.handlers,
    ...domains.publishing.handlers,
    ...domains.voice.handlers,
    ...domains.sync.handlers,
    ...domains.relay.handlers,
  };
  const dispatcher = new Dispatcher(handlers, ports.logger);
  for (const domain of Object.values(domains)) domain.start();

  return {
    ports,
    database,
    migrations,
    events,
    dispatcher,
    services: { app, profile, posts, data, llm: llm.service, llmAdmin },
    llm,
    domains,
    close: async () => {
      for (const domain of Object.values(domains)) await domain.close();
      await llm.close();
      await database.close();
    },
  };
}
