import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import { postIdSchema, postRevisionSchema, postSchema } from '../domain/post';
import { profileSchema } from '../domain/profile';
import { defineChannel } from './channel';

export const EXPORT_FORMAT = 'cadence-export';
/**
 * 2 added analytics, coach and report tables; a version-1 file imports with those empty. The
 * content-studio and settings sections came later without a bump: they are new optional keys, which
 * a version-2 reader accepts (and ignores), and a file without them imports with them empty.
 */
export const EXPORT_VERSION = 2;
/** What the export says about media: rows only; the files themselves are not in the JSON. */
export const MEDIA_NOTE =
  'media lists metadata rows only: the image and video files stay in <data>/media/ (named by their SHA-256) and are not part of this export; copy that folder alongside to keep them.';

const count = z.number().int().nonnegative().nullable();
const jsonText = z.string().refine(isJson, { message: 'Not valid JSON text' });
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
const metricCounts = {
  impressions: count,
  reach: count,
  views: count,
  likes: count,
  comments: count,
  shares: count,
  saves: count,
  clicks: count,
};

/*
 * The analytics, coach and report tables travel as their rows (column names as stored), so an
 * export restores them exactly. None of them holds a secret; tokens live only in the secrets port.
 */
export const accountRowSchema = z.object({
  id: z.string().min(1),
  platform: platformSchema,
  handle: z.string(),
  display_name: z.string(),
  source: z.enum(['import', 'connected']),
  token_status: z.enum(['valid', 'expiring', 'needs_reconnect', 'missing_scope']).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  // Connection facts (migration 010); absent in older exports. Tokens are never exported.
  external_id: z.string().nullable().default(null),
  instance_url: z.string().nullable().default(null),
  scopes: z.string().default('[]'),
  token_expires_at: z.string().nullable().default(null),
  token_checked_at: z.string().nullable().default(null),
  status_detail: z.string().nullable().default(null),
});
export const accountMetricRowSchema = z.object({
  account_id: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is YYYY-MM-DD'),
  followers: count,
  impressions: count,
  captured_at: z.string(),
});
export const publicationRowSchema = z.object({
  id: z.number().int().positive(),
  post_id: postIdSchema,
  platform: platformSchema,
  account_id: z.string().nullable(),
  published_at: z.string(),
  external_id: z.string().nullable(),
  url: z.string().nullable(),
  format: z.string().nullable(),
  media_count: z.number().int().nonnegative(),
  metrics_at: z.string().nullable(),
  ...metricCounts,
});
export const postMetricRowSchema = z.object({
  publication_id: z.number().int().positive(),
  captured_at: z.string(),
  ...metricCounts,
});
export const abPairRowSchema = z.object({
  id: z.number().int().positive(),
  post_a: postIdSchema,
  post_b: postIdSchema,
  platform: platformSchema,
  label: z.string(),
  created_at: z.string(),
});
export const revenueEntryRowSchema = z.object({
  id: z.number().int().positive(),
  post_id: postIdSchema.nullable(),
  campaign: z.string().nullable(),
  amount: z.number(),
  cost: z.number(),
  currency: z.string(),
  source: z.string(),
  occurred_at: z.string(),
});
export const coachGoalRowSchema = z.object({
  id: z.literal(1),
  metric: z.string(),
  target: z.number(),
  deadline: z.string(),
  started_at: z.string(),
});
export const coachMilestoneRowSchema = z.object({
  id: z.number().int().positive(),
  fraction: z.number().gt(0).max(1),
  value: z.number(),
  due_date: z.string(),
  reached_at: z.string().nullable(),
  celebrated_at: z.string().nullable(),
});
export const coachSessionRowSchema = z.object({ date: z.string(), plan: jsonText, created_at: z.string() });
export const coachInterventionRowSchema = z.object({
  id: z.number().int().positive(),
  rule: z.string(),
  situation: z.string(),
  details: jsonText,
  status: z.enum(['open', 'snoozed', 'dismissed', 'acted', 'resolved']),
  triggered_at: z.string(),
  snoozed_until: z.string().nullable(),
  closed_at: z.string().nullable(),
  action: z.string().nullable(),
});
/** A report's record; the PDF and CSV files themselves stay in the data folder. */
export const reportRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['weekly', 'custom']),
  title: z.string(),
  params: jsonText,
  range_from: z.string(),
  range_to: z.string(),
  pdf_file: z.string(),
  csv_file: z.string(),
  created_at: z.string(),
});

/** The sections added in version 2, each a list of rows; missing (a version-1 file) means empty. */
export const creatorTablesShape = {
  accounts: z.array(accountRowSchema).default([]),
  accountMetrics: z.array(accountMetricRowSchema).default([]),
  publications: z.array(publicationRowSchema).default([]),
  postMetrics: z.array(postMetricRowSchema).default([]),
  abPairs: z.array(abPairRowSchema).default([]),
  revenueEntries: z.array(revenueEntryRowSchema).default([]),
  coachGoal: z.array(coachGoalRowSchema).max(1).default([]),
  coachMilestones: z.array(coachMilestoneRowSchema).default([]),
  coachSessions: z.array(coachSessionRowSchema).default([]),
  coachInterventions: z.array(coachInterventionRowSchema).default([]),
  reports: z.array(reportRowSchema).default([]),
};
export type CreatorTableName = keyof typeof creatorTablesShape;
export type CreatorTables = { [K in CreatorTableName]: z.infer<(typeof creatorTablesShape)[K]> };

/*
 * The content studio's tables (migration 009) and the settings documents, also as stored rows.
 * Embeddings are left out: they are derived from the posts and rebuilt by the indexer.
 */
const nullableText = z.string().nullable();
export const ideaRowSchema = z.object({
  id: z.string().min(1),
  topic: z.string(),
  source_kind: z.enum(['topic', 'link', 'text', 'transcript', 'post']),
  source_text: z.string(),
  source_post_id: postIdSchema.nullable(),
  platforms: jsonText,
  template_id: nullableText,
  created_at: z.string(),
});
export const postOriginRowSchema = z.object({
  post_id: postIdSchema,
  idea_id: nullableText,
  variant_label: nullableText,
  template_id: nullableText,
  bulk_item_id: z.number().int().positive().nullable(),
});
export const templateRowSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  structure: z.string(),
  variables: jsonText,
  format: z.string(),
  hidden: z.number().int().min(0).max(1),
  created_at: z.string(),
  updated_at: z.string(),
});
export const voiceProfileRowSchema = z.object({
  id: z.literal(1),
  profile: jsonText,
  learned_at: nullableText,
  edited_at: nullableText,
});
/** A media file's record; the file itself stays in <data>/media/ (see MEDIA_NOTE). */
export const mediaRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['image', 'video']),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  duration_ms: z.number().int().nullable(),
  file: z.string(),
  thumb_file: nullableText,
  original_name: z.string(),
  created_at: z.string(),
});
export const postMediaRowSchema = z.object({
  post_id: postIdSchema,
  media_id: z.string().min(1),
  position: z.number().int().nonnegative(),
  alt_text: z.string(),
});
export const bulkJobRowSchema = z.object({
  id: z.string().min(1),
  request: jsonText,
  status: z.enum(['planned', 'running', 'paused', 'cancelled', 'done', 'failed']),
  concurrency: z.number().int().min(1).max(8),
  created_at: z.string(),
  updated_at: z.string(),
});
export const bulkItemRowSchema = z.object({
  id: z.number().int().positive(),
  job_id: z.string().min(1),
  position: z.number().int().nonnegative(),
  platform: platformSchema,
  topic: z.string(),
  format: z.string(),
  template_id: nullableText,
  due_at: z.string(),
  status: z.enum(['pending', 'generating', 'done', 'failed', 'cancelled']),
  attempts: z.number().int().nonnegative(),
  post_id: postIdSchema.nullable(),
  error: nullableText,
  generation_ms: z.number().nullable(),
  started_at: nullableText,
  finished_at: nullableText,
});
export const hashtagTrendRowSchema = z.object({
  tag: z.string().min(1),
  platform: platformSchema,
  score: z.number(),
  source: z.string(),
  observed_at: z.string(),
});
/** Report schedule, coach preferences, planning slots…: JSON documents by key. Never a secret. */
export const settingRowSchema = z.object({ key: z.string().min(1), value: jsonText, updated_at: z.string() });

/** The content-studio and settings sections; missing (an older file) means empty. */
export const studioTablesShape = {
  ideas: z.array(ideaRowSchema).default([]),
  postOrigins: z.array(postOriginRowSchema).default([]),
  templates: z.array(templateRowSchema).default([]),
  voiceProfile: z.array(voiceProfileRowSchema).max(1).default([]),
  media: z.array(mediaRowSchema).default([]),
  postMedia: z.array(postMediaRowSchema).default([]),
  bulkJobs: z.array(bulkJobRowSchema).default([]),
  bulkItems: z.array(bulkItemRowSchema).default([]),
  hashtagTrends: z.array(hashtagTrendRowSchema).default([]),
  settings: z.array(settingRowSchema).default([]),
};
export type StudioTableName = keyof typeof studioTablesShape;
export type StudioTables = { [K in StudioTableName]: z.infer<(typeof studioTablesShape)[K]> };

/** Everything the creator owns, as one JSON document. Ids are kept so an import restores links. */
export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
  exportedAt: z.string(),
  appVersion: z.string(),
  profile: profileSchema.nullable(),
  posts: z.array(postSchema),
  revisions: z.array(postRevisionSchema),
  ...creatorTablesShape,
  ...studioTablesShape,
  /** Says that media files are not in the document (MEDIA_NOTE); ignored on import. */
  mediaNote: z.string().optional(),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;

export const importResultSchema = z.object({
  mode: z.enum(['merge', 'replace']),
  profileImported: z.boolean(),
  postsAdded: z.number().int().nonnegative(),
  postsUpdated: z.number().int().nonnegative(),
  postsSkipped: z.number().int().nonnegative(),
  revisionsAdded: z.number().int().nonnegative(),
  /** Rows added per table section (accounts, publications, coachSessions, ideas, settings, …). */
  rowsAdded: z.record(z.string(), z.number().int().nonnegative()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const dataChannels = {
  'data:export-all': defineChannel({
    input: z.object({}).strict(),
    output: exportDocumentSchema,
    summary: 'Exports profile, posts (trash included) and every revision.',
  }),
  'data:import-all': defineChannel({
    input: z
      .object({
        document: exportDocumentSchema,
        /** merge keeps local posts and takes the newer version of each; replace wipes first. */
        mode: z.enum(['merge', 'replace']).default('merge'),
      })
      .strict(),
    output: importResultSchema,
    summary: 'Imports an export; ids are kept; the database is copied aside first.',
  }),
};
