import type { Platform } from '../../../shared/domain/platform';
import type { Post, PostRevision, PostStatus } from '../../../shared/domain/post';
import { formatTags, parseTags } from './tags';

/** What the editor holds. Tags stay as typed text; they are parsed when saved. */
export interface Draft {
  title: string;
  body: string;
  tagsText: string;
  platforms: Platform[];
  status: PostStatus;
  scheduledAt: string | null;
}

/** The content fields sent with create/update. */
export interface DraftContent {
  title: string;
  body: string;
  tags: string[];
  platforms: Platform[];
  status: PostStatus;
  scheduledAt: string | null;
}

export function emptyDraft(platforms: Platform[] = []): Draft {
  return { title: '', body: '', tagsText: '', platforms, status: 'draft', scheduledAt: null };
}

export function draftFromPost(post: Pick<Post | PostRevision, keyof DraftContent>): Draft {
  return {
    title: post.title,
    body: post.body,
    tagsText: formatTags(post.tags),
    platforms: [...post.platforms],
    status: post.status,
    scheduledAt: post.scheduledAt,
  };
}

export function draftContent(draft: Draft): DraftContent {
  return {
    title: draft.title,
    body: draft.body,
    tags: parseTags(draft.tagsText).tags,
    platforms: draft.platforms,
    status: draft.status,
    scheduledAt: draft.scheduledAt,
  };
}

/** True when two drafts would save the same content (tag text formatting aside). */
export function sameContent(a: Draft, b: Draft): boolean {
  const x = draftContent(a);
  const y = draftContent(b);
  return (
    x.title === y.title &&
    x.body === y.body &&
    x.status === y.status &&
    x.scheduledAt === y.scheduledAt &&
    x.tags.join('\u0000') === y.tags.join('\u0000') &&
    [...x.platforms].sort().join() === [...y.platforms].sort().join()
  );
}

/** A new draft is worth creating once something was typed or picked beyond the defaults. */
export function hasContent(draft: Draft): boolean {
  return draft.title.trim() !== '' || draft.body.trim() !== '' || draft.tagsText.trim() !== '';
}

/** A one-line preview of a post or revision for lists. */
export function previewText(content: { title: string; body: string }, max = 140): string {
  const text = (content.body.trim() || content.title.trim()).replace(/\s+/gu, ' ');
  if (!text) return '(empty)';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
