import type { LlmSettingsTable, LlmUsageTable } from './llm';
import type { PostRevisionsTable, PostsFtsTable, PostsTable } from './posts';
import type { ProfileTable } from './profile';

/** The whole database as one type; each table's file adds its entry. */
export interface Database {
  profile: ProfileTable;
  posts: PostsTable;
  post_revisions: PostRevisionsTable;
  posts_fts: PostsFtsTable;
  llm_usage: LlmUsageTable;
  llm_settings: LlmSettingsTable;
}
