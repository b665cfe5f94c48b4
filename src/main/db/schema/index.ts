import type {
  AbPairsTable,
  AccountMetricsTable,
  AccountsTable,
  AnalyticsAnomaliesTable,
  PostMetricsTable,
  PostPublicationsTable,
  ReportsTable,
  RevenueEntriesTable,
  SettingsTable,
} from './analytics';
import type {
  BulkItemsTable,
  BulkJobsTable,
  HashtagTrendsTable,
  IdeasTable,
  MediaTable,
  PostEmbeddingsTable,
  PostMediaTable,
  PostOriginsTable,
  TemplatesTable,
  VoiceProfileTable,
} from './content';
import type { CoachGoalTable, CoachInterventionsTable, CoachMilestonesTable, CoachSessionsTable } from './coach';
import type { LlmSettingsTable, LlmUsageTable } from './llm';
import type { PostRevisionsTable, PostsFtsTable, PostsTable } from './posts';
import type { ProfileTable } from './profile';
import type { PublishEventsTable, PublishJobsTable, RateLimitsTable } from './publishing';
import type { SyncSchema } from './sync';
import type { VoiceCommandsTable, VoiceCustomCommandsTable } from './voice';

/** The whole database as one type; each table's file adds its entry (sync's tables come in as a group). */
export interface Database extends SyncSchema {
  profile: ProfileTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  posts_fts: PostsFtsTable;
  llm_usage: LlmUsageTable;
  llm_settings: LlmSettingsTable;
  accounts: AccountsTable;
  account_metrics: AccountMetricsTable;
  post_publications: PostPublicationsTable;
  post_metrics: PostMetricsTable;
  ab_pairs: AbPairsTable;
  revenue_entries: RevenueEntriesTable;
  analytics_anomalies: AnalyticsAnomaliesTable;
  settings: SettingsTable;
  reports: ReportsTable;
  coach_goal: CoachGoalTable;
  coach_milestones: CoachMilestonesTable;
  coach_sessions: CoachSessionsTable;
  coach_interventions: CoachInterventionsTable;
  ideas: IdeasTable;
  post_origins: PostOriginsTable;
  templates: TemplatesTable;
  voice_profile: VoiceProfileTable;
  media: MediaTable;
  post_media: PostMediaTable;
  bulk_jobs: BulkJobsTable;
  bulk_items: BulkItemsTable;
  post_embeddings: PostEmbeddingsTable;
  hashtag_trends: HashtagTrendsTable;
  publish_jobs: PublishJobsTable;
  publish_events: PublishEventsTable;
  rate_limits: RateLimitsTable;
  voice_commands: VoiceCommandsTable;
  voice_custom_commands: VoiceCustomCommandsTable;
}
