/**
 * What syncs, keyed by each table's stable text id (never the local integer `seq`), parents first
 * so rows waiting for a parent are retried in a useful order.
 *
 * Left out on purpose:
 * - posts.seq (local FTS row key) and posts.version (local edit counter for optimistic saves; a
 *   remote change bumps it locally so an open editor notices), post_revisions (local history).
 * - post_origins.bulk_item_id: points at this device's bulk job rows.
 * - posts_fts, post_embeddings, hashtag_trends, analytics, reports, coach milestones/sessions/
 *   interventions: derived or recomputed on each device.
 * - media/post_media: the files themselves are not synced yet, so rows would point at nothing.
 * - publish_jobs and connected accounts: hold per-device tokens and must publish exactly once.
 * - settings, llm_settings, voice_commands: device choices (microphone, models) and local history.
 * Keep the column lists equal to migration 013's triggers (a test checks it).
 */
export interface SyncedTable {
  table: string;
  key: string;
  /** Singletons (profile, voice_profile, coach_goal) have integer id 1. */
  keyType: 'text' | 'integer';
  columns: readonly string[];
  /** posts.version is bumped on every remote write so a stale local save is caught. */
  bumpsVersion: boolean;
  /**
   * Synced columns that reference another synced row with ON DELETE SET NULL: when that row was
   * deleted, they are written as null, exactly as SQLite did on the devices that had both rows.
   */
  setNullReferences?: Readonly<Record<string, string>>;
  /** A unique rule over synced columns; when two devices' rows clash, the smaller id is shown. */
  uniqueBy?: readonly string[];
}

export const SYNCED_TABLES: readonly SyncedTable[] = [
  {
    table: 'posts',
    key: 'id',
    keyType: 'text',
    columns: ['title', 'body', 'status', 'tags', 'platforms', 'scheduled_at', 'created_at', 'updated_at', 'deleted_at'],
    bumpsVersion: true,
  },
  {
    table: 'templates',
    key: 'id',
    keyType: 'text',
    columns: ['name', 'description', 'structure', 'variables', 'format', 'hidden', 'created_at', 'updated_at'],
    bumpsVersion: false,
  },
  {
    table: 'ideas',
    key: 'id',
    keyType: 'text',
    columns: ['topic', 'source_kind', 'source_text', 'source_post_id', 'platforms', 'template_id', 'created_at'],
    bumpsVersion: false,
    setNullReferences: { source_post_id: 'posts' },
  },
  {
    table: 'post_origins',
    key: 'post_id',
    keyType: 'text',
    columns: ['idea_id', 'variant_label', 'template_id'],
    bumpsVersion: false,
    setNullReferences: { idea_id: 'ideas' },
  },
  {
    table: 'profile',
    key: 'id',
    keyType: 'integer',
    columns: [
      'name',
      'niche',
      'platforms',
      'timezone',
      'goal_metric',
      'goal_target',
      'goal_deadline',
      'cadence_posts_per_week',
      'cadence_days',
      'created_at',
      'updated_at',
    ],
    bumpsVersion: false,
  },
  {
    table: 'voice_profile',
    key: 'id',
    keyType: 'integer',
    columns: ['profile', 'learned_at', 'edited_at'],
    bumpsVersion: false,
  },
  {
    table: 'coach_goal',
    key: 'id',
    keyType: 'integer',
    columns: ['metric', 'target', 'deadline', 'started_at'],
    bumpsVersion: false,
  },
  {
    table: 'voice_custom_commands',
    key: 'id',
    keyType: 'text',
    columns: ['phrase', 'language', 'intents', 'origin', 'created_at'],
    bumpsVersion: false,
    uniqueBy: ['language', 'phrase'],
  },
];

const BY_NAME = new Map(SYNCED_TABLES.map((t) => [t.table, t]));

export function syncedTable(name: string): SyncedTable | undefined {
  return BY_NAME.get(name);
}

export function tableOrder(name: string): number {
  return SYNCED_TABLES.findIndex((t) => t.table === name);
}

/** The key as stored in the table (singletons use integer 1). */
export function keyValue(spec: SyncedTable, rowId: string): string | number {
  return spec.keyType === 'integer' ? Number(rowId) : rowId;
}
