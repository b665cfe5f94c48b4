import type { StudioTableName, StudioTables } from '../../shared/contract/data';
import type { Db, Tx } from '../db/database';

/** Children before parents, so a wipe never trips a foreign key (post_media restricts media). */
const WIPE_ORDER = [
  'post_media',
  'post_origins',
  'bulk_items',
  'bulk_jobs',
  'media',
  'ideas',
  'templates',
  'voice_profile',
  'hashtag_trends',
  'settings',
] as const;

export const STUDIO_TABLE_NAMES: readonly StudioTableName[] = [
  'ideas',
  'postOrigins',
  'templates',
  'voiceProfile',
  'media',
  'postMedia',
  'bulkJobs',
  'bulkItems',
  'hashtagTrends',
  'settings',
];

/**
 * Every row of the content-studio tables (migration 009) and of settings, in a stable order.
 * post_embeddings are not exported: they are derived from the posts and rebuilt by the indexer.
 */
export async function exportStudioTables(tx: Db | Tx): Promise<StudioTables> {
  return {
    ideas: await tx.selectFrom('ideas').selectAll().orderBy('created_at').orderBy('id').execute(),
    postOrigins: await tx.selectFrom('post_origins').selectAll().orderBy('post_id').execute(),
    templates: await tx.selectFrom('templates').selectAll().orderBy('id').execute(),
    voiceProfile: (await tx.selectFrom('voice_profile').selectAll().execute()).map((row) => ({
      ...row,
      id: 1 as const,
    })),
    media: await tx.selectFrom('media').selectAll().orderBy('id').execute(),
    postMedia: await tx.selectFrom('post_media').selectAll().orderBy('post_id').orderBy('position').execute(),
    bulkJobs: await tx.selectFrom('bulk_jobs').selectAll().orderBy('created_at').orderBy('id').execute(),
    bulkItems: await tx.selectFrom('bulk_items').selectAll().orderBy('id').execute(),
    hashtagTrends: await tx
      .selectFrom('hashtag_trends')
      .selectAll()
      .orderBy('tag')
      .orderBy('platform')
      .orderBy('source')
      .execute(),
    settings: await tx.selectFrom('settings').selectAll().orderBy('key').execute(),
  } as StudioTables;
}

/** Empties the content-studio tables and settings (replace); embeddings go with their posts. */
export async function wipeStudioTables(tx: Tx): Promise<void> {
  for (const table of WIPE_ORDER) await tx.deleteFrom(table).execute();
}

/**
 * The links the file must resolve itself: an idea's source post, a post's origin (post, idea, bulk
 * item), a post's media (post and media row), a bulk item's job and post. Templates are not
 * checked: an idea may name a bundled template, which is not a row. Returns what is broken.
 */
export function danglingStudioReferences(tables: StudioTables, postIds: Set<string>): string[] {
  const ideaIds = new Set(tables.ideas.map((idea) => idea.id));
  const mediaIds = new Set(tables.media.map((media) => media.id));
  const jobIds = new Set(tables.bulkJobs.map((job) => job.id));
  const itemIds = new Set(tables.bulkItems.map((item) => item.id));
  const problems: string[] = [];
  const check = (section: string, bad: number) => {
    if (bad > 0) problems.push(`${bad} ${section} row(s) point to rows the file does not contain`);
  };
  check('ideas', tables.ideas.filter((i) => i.source_post_id !== null && !postIds.has(i.source_post_id)).length);
  check(
    'postOrigins',
    tables.postOrigins.filter(
      (o) =>
        !postIds.has(o.post_id) ||
        (o.idea_id !== null && !ideaIds.has(o.idea_id)) ||
        (o.bulk_item_id !== null && !itemIds.has(o.bulk_item_id)),
    ).length,
  );
  check('postMedia', tables.postMedia.filter((m) => !postIds.has(m.post_id) || !mediaIds.has(m.media_id)).length);
  check(
    'bulkItems',
    tables.bulkItems.filter((i) => !jobIds.has(i.job_id) || (i.post_id !== null && !postIds.has(i.post_id))).length,
  );
  return problems;
}
