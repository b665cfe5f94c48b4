import type { Profile } from '../../../shared/domain/profile';
import type { Post, PostRevision } from '../../../shared/domain/post';
import { getClient } from '../../client/client';
import type { DraftContent } from './draft';

/** The core calls Compose makes; stores call these, components never do. */
export function createPost(content: DraftContent): Promise<Post> {
  return getClient().invoke('posts:create-post', content);
}

export function updatePost(id: string, version: number, content: DraftContent): Promise<Post> {
  return getClient().invoke('posts:update-post', { id, version, ...content });
}

export function getPost(id: string): Promise<Post> {
  return getClient().invoke('posts:get-post', { id });
}

export function listRevisions(postId: string): Promise<PostRevision[]> {
  return getClient().invoke('posts:list-revisions', { postId });
}

export function restoreRevision(postId: string, revisionId: number): Promise<Post> {
  return getClient().invoke('posts:restore-revision', { postId, revisionId });
}

export function getProfile(): Promise<Profile | null> {
  return getClient().invoke('profile:get-profile', {});
}
