import type { Selectable } from 'kysely';
import type { MediaKind, MediaRecord, PostMediaItem } from '../../shared/domain/media';
import type { Db, Tx } from '../db/database';
import type { MediaTable } from '../db/schema/content';

/** A media row as stored, with the file paths that never leave main. */
export interface StoredMedia extends MediaRecord {
  file: string;
  thumbFile: string | null;
}

function toStored(row: Selectable<MediaTable>): StoredMedia {
  return {
    id: row.id,
    kind: row.kind as MediaKind,
    mime: row.mime,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    originalName: row.original_name,
    hasThumbnail: row.thumb_file !== null,
    createdAt: row.created_at,
    file: row.file,
    thumbFile: row.thumb_file,
  };
}

/** The public record: no paths cross the contract boundary. */
export function publicRecord(stored: StoredMedia): MediaRecord {
  const { file, thumbFile, ...record } = stored;
  void file;
  void thumbFile;
  return record;
}

/** SQL for media and post_media. */
export class MediaRepository {
  constructor(private readonly db: Db) {}

  async find(id: string, tx: Db | Tx = this.db): Promise<StoredMedia | null> {
    const row = await tx.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStored(row) : null;
  }

  async insert(media: StoredMedia): Promise<void> {
    await this.db
      .insertInto('media')
      .values({
        id: media.id,
        kind: media.kind,
        mime: media.mime,
        bytes: media.bytes,
        width: media.width,
        height: media.height,
        duration_ms: media.durationMs,
        file: media.file,
        thumb_file: media.thumbFile,
        original_name: media.originalName,
        created_at: media.createdAt,
      })
      .execute();
  }

  /** A post's attachments in order, with their media. */
  async listForPost(postId: string, tx: Db | Tx = this.db): Promise<PostMediaItem[]> {
    const rows = await tx
      .selectFrom('post_media')
      .innerJoin('media', 'media.id', 'post_media.media_id')
      .selectAll('media')
      .select(['post_media.post_id', 'post_media.position', 'post_media.alt_text'])
      .where('post_media.post_id', '=', postId)
      .orderBy('post_media.position')
      .execute();
    return rows.map((row) => ({
      postId: row.post_id,
      position: row.position,
      altText: row.alt_text,
      media: publicRecord(toStored(row)),
    }));
  }

  async attach(postId: string, mediaId: string, altText: string, tx: Tx): Promise<void> {
    const last = await tx
      .selectFrom('post_media')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('post_id', '=', postId)
      .executeTakeFirst();
    const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
    await tx
      .insertInto('post_media')
      .values({ post_id: postId, media_id: mediaId, position, alt_text: altText })
      .execute();
  }

  /** Removes one attachment and closes the gap in positions. Returns whether it existed. */
  async detach(postId: string, mediaId: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .deleteFrom('post_media')
      .where('post_id', '=', postId)
      .where('media_id', '=', mediaId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await this.renumber(postId, await this.attachedIds(postId, tx), tx);
    return true;
  }

  async attachedIds(postId: string, tx: Db | Tx = this.db): Promise<string[]> {
    const rows = await tx
      .selectFrom('post_media')
      .select('media_id')
      .where('post_id', '=', postId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.media_id);
  }

  /** Positions 0..n-1 in the given order. */
  async renumber(postId: string, orderedIds: string[], tx: Tx): Promise<void> {
    for (const [position, mediaId] of orderedIds.entries()) {
      await tx
        .updateTable('post_media')
        .set({ position })
        .where('post_id', '=', postId)
        .where('media_id', '=', mediaId)
        .execute();
    }
  }

  async setAltText(postId: string, mediaId: string, altText: string, tx: Tx): Promise<boolean> {
    const result = await tx
      .updateTable('post_media')
      .set({ alt_text: altText })
      .where('post_id', '=', postId)
      .where('media_id', '=', mediaId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Media no post links to (posts in the trash still hold theirs). */
  async unused(): Promise<StoredMedia[]> {
    const rows = await this.db
      .selectFrom('media')
      .selectAll()
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('post_media').select('post_id').whereRef('post_media.media_id', '=', 'media.id'))),
      )
      .execute();
    return rows.map(toStored);
  }

  /** Deletes the row unless a post linked it meanwhile; true when deleted. */
  async deleteIfUnused(id: string, tx: Tx): Promise<boolean> {
    const linked = await tx.selectFrom('post_media').select('post_id').where('media_id', '=', id).executeTakeFirst();
    if (linked) return false;
    const result = await tx.deleteFrom('media').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
