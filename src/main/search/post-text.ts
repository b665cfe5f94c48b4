import { createHash } from 'node:crypto';
import type { Post } from '../../shared/domain/post';

/** Characters of a post sent to the embeddings model; enough for its meaning, short enough for small models. */
export const EMBED_MAX_CHARS = 2_000;

/** What a post means, as text for the embeddings model: title, body and tags. */
export function embeddingText(post: Pick<Post, 'title' | 'body' | 'tags'>): string {
  const tags = post.tags.length > 0 ? `\n${post.tags.map((t) => `#${t}`).join(' ')}` : '';
  return `${post.title}\n${post.body}${tags}`.trim().slice(0, EMBED_MAX_CHARS);
}

/** Changes exactly when the embedded text changes, so unchanged posts are skipped. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
