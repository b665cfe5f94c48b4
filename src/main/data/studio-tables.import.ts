import type { StudioTableName, StudioTables } from '../../shared/contract/data';
import type { Tx } from '../db/database';
import { idTaken } from './creator-tables';
import { STUDIO_TABLE_NAMES } from './studio-tables';

type Counts = Record<StudioTableName, number>;

/** 1 when the insert wrote a row, 0 when the row was already there (on conflict do nothing). */
const added = (result: { numInsertedOrUpdatedRows?: bigint }) => Number(result.numInsertedOrUpdatedRows ?? 0n);

/**
 * Writes the content-studio and settings sections. After a wipe (replace) every row goes in as it
 * is. In merge only what is missing is added: rows are matched by their key (an idea, template or
 * media row by id, a setting by key, a trend by tag + platform + source, the voice by its single
 * row), so the local row wins; a bulk job already here keeps its items, and a new job's item ids
 * are renumbered when taken, with the post origins that point to them.
 *
 * A job that was running where it was exported arrives paused (its generating items pending), so
 * nothing generates, or spends, until the creator resumes it.
 */
export async function importStudioTables(tx: Tx, tables: StudioTables): Promise<Counts> {
  const counts = Object.fromEntries(STUDIO_TABLE_NAMES.map((name) => [name, 0])) as Counts;
  const itemIds = new Map<number, number>();

  for (const idea of tables.ideas) {
    counts.ideas += added(
      await tx
        .insertInto('ideas')
        .values(idea)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  for (const template of tables.templates) {
    counts.templates += added(
      await tx
        .insertInto('templates')
        .values(template)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  for (const voice of tables.voiceProfile) {
    counts.voiceProfile += added(
      await tx
        .insertInto('voice_profile')
        .values(voice)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  for (const media of tables.media) {
    counts.media += added(
      await tx
        .insertInto('media')
        .values(media)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  for (const link of tables.postMedia) {
    counts.postMedia += added(
      await tx
        .insertInto('post_media')
        .values(link)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }

  const existingJobs = new Set<string>();
  for (const job of tables.bulkJobs) {
    const result = await tx
      .insertInto('bulk_jobs')
      .values({ ...job, status: job.status === 'running' ? 'paused' : job.status })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (added(result) === 0) existingJobs.add(job.id);
    counts.bulkJobs += added(result);
  }
  for (const item of tables.bulkItems) {
    if (existingJobs.has(item.job_id)) {
      // The job is already here: its own items stand, and origins link to them by position.
      const local = await tx
        .selectFrom('bulk_items')
        .select('id')
        .where('job_id', '=', item.job_id)
        .where('position', '=', item.position)
        .executeTakeFirst();
      if (local) itemIds.set(item.id, local.id);
      continue;
    }
    const row = { ...item, status: item.status === 'generating' ? 'pending' : item.status };
    const free = !(await idTaken(tx, 'bulk_items', item.id));
    const { id, ...rest } = row;
    const inserted = await tx
      .insertInto('bulk_items')
      .values(free ? { id, ...rest } : rest)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    itemIds.set(item.id, inserted.id);
    counts.bulkItems++;
  }
  for (const origin of tables.postOrigins) {
    const bulkItemId = origin.bulk_item_id === null ? null : (itemIds.get(origin.bulk_item_id) ?? null);
    counts.postOrigins += added(
      await tx
        .insertInto('post_origins')
        .values({ ...origin, bulk_item_id: bulkItemId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  for (const trend of tables.hashtagTrends) {
    counts.hashtagTrends += added(
      await tx
        .insertInto('hashtag_trends')
        .values(trend)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  for (const setting of tables.settings) {
    counts.settings += added(
      await tx
        .insertInto('settings')
        .values(setting)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  return counts;
}
