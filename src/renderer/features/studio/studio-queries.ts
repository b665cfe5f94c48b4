import type { DraftIdeaInput, DraftIdeaOutput } from '../../../shared/contract/studio';
import type { EventMap } from '../../../shared/contract/events';
import type { AbPair } from '../../../shared/domain/analytics';
import type { Post } from '../../../shared/domain/post';
import type { Idea } from '../../../shared/domain/studio';
import type { TemplateList } from '../../../shared/domain/templates';
import { getClient } from '../../client/client';

/** The core calls the studio makes; its stores call these, components never do. */

export function draftIdea(input: DraftIdeaInput): Promise<DraftIdeaOutput> {
  return getClient().invoke('studio:draft-idea', input);
}

export function cancelDrafts(ideaId: string): Promise<{ cancelled: number }> {
  return getClient().invoke('studio:cancel-drafts', { ideaId });
}

export function getIdea(ideaId: string): Promise<Idea> {
  return getClient().invoke('studio:get-idea', { ideaId });
}

export function markAbPair(postA: string, postB: string, label?: string): Promise<AbPair> {
  return getClient().invoke('studio:mark-ab-pair', label ? { postA, postB, label } : { postA, postB });
}

export function listTemplates(): Promise<TemplateList> {
  return getClient().invoke('templates:list-templates', {});
}

export function getPost(id: string): Promise<Post> {
  return getClient().invoke('posts:get-post', { id });
}

/** Recent posts to start an idea from ("existing post" source). */
export async function recentPosts(): Promise<Post[]> {
  const list = await getClient().invoke('posts:list-posts', { limit: 50 });
  return list.items;
}

export function onToken(listener: (event: EventMap['llm:token']) => void): () => void {
  return getClient().on('llm:token', listener);
}

export function onAttempt(listener: (event: EventMap['llm:attempt']) => void): () => void {
  return getClient().on('llm:attempt', listener);
}

export function onDraftProgress(listener: (event: EventMap['studio:draft-progress']) => void): () => void {
  return getClient().on('studio:draft-progress', listener);
}
