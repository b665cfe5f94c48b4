import { join } from 'node:path';
import { splitThread } from '../../../shared/platforms/thread';
import type { Db } from '../../db/database';
import type { PublishRequest } from '../providers/connector';
import { fixedRows } from './fixed-sql';
import type { JobRepository } from './job.repository';

/** What a post sends to a platform: its thread parts, title, tags and media (null when the post is gone). */
export async function buildRequest(
  db: Db,
  jobs: JobRepository,
  dataDir: string,
  postId: string,
  idempotencyKey: string,
): Promise<{ request: PublishRequest; deleted: boolean } | null> {
  const [post] = await fixedRows<{ body: string; title: string; tags: string; deleted_at: string | null }>(
    db,
    'select body, title, tags, deleted_at from posts where id = ?',
    [postId],
  );
  if (!post) return null;
  const media = await jobs.postMedia(postId);
  const request: PublishRequest = {
    parts: splitThread(post.body),
    tags: JSON.parse(post.tags) as string[],
    media: media.map((m) => ({
      path: join(dataDir, m.file),
      mime: m.mime,
      bytes: m.bytes,
      kind: m.kind === 'video' ? 'video' : 'image',
      width: m.width,
      height: m.height,
      durationMs: m.durationMs,
      altText: m.altText,
    })),
    idempotencyKey,
  };
  if (post.title) request.title = post.title;
  return { request, deleted: post.deleted_at !== null };
}
