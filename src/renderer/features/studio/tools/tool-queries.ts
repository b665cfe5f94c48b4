import type { MediaCheck, MediaRecord, PostMediaItem } from '../../../../shared/domain/media';
import type { AbSchedule, ScheduledIntoSlot } from '../../../../shared/domain/planning';
import type { EventMap } from '../../../../shared/contract/events';
import type { HashtagRecommendation } from '../../../../shared/contract/hashtags';
import type { Critique, CritiqueInput, FixedText, FixFindingInput } from '../../../../shared/contract/quality';
import type { Platform } from '../../../../shared/domain/platform';
import type { QualityReport } from '../../../../shared/quality/finding';
import { getClient } from '../../../client/client';

/** The core calls the post tools make; their stores call these, components never do. */

export function scheduleNextFree(postId: string, version?: number): Promise<ScheduledIntoSlot> {
  return getClient().invoke('planning:schedule-next-free', version ? { postId, version } : { postId });
}

export function scheduleAbPair(postA: string, postB: string): Promise<AbSchedule> {
  return getClient().invoke('planning:schedule-ab-pair', { postA, postB });
}

export interface NewMediaFile {
  fileName: string;
  mime: string;
  base64: string;
  thumbnailBase64?: string;
  durationMs?: number;
  width?: number;
  height?: number;
}

export function addMediaFile(file: NewMediaFile): Promise<MediaRecord> {
  return getClient().invoke('media:add-file', file);
}

export function attachMedia(postId: string, mediaId: string): Promise<PostMediaItem[]> {
  return getClient().invoke('media:attach', { postId, mediaId });
}

export function detachMedia(postId: string, mediaId: string): Promise<PostMediaItem[]> {
  return getClient().invoke('media:detach', { postId, mediaId });
}

export function listPostMedia(postId: string): Promise<PostMediaItem[]> {
  return getClient().invoke('media:list-post-media', { postId });
}

export function getThumbnail(mediaId: string): Promise<{ mime: string; base64: string }> {
  return getClient().invoke('media:get-thumbnail', { mediaId });
}

export function checkPostMedia(postId: string): Promise<MediaCheck> {
  return getClient().invoke('media:check-post', { postId });
}

export function scoreSavedPost(postId: string, platform: Platform): Promise<QualityReport> {
  return getClient().invoke('quality:score-post', { postId, platform });
}

export function critiquePost(input: CritiqueInput): Promise<Critique> {
  return getClient().invoke('quality:critique-post', input);
}

export function fixFinding(input: FixFindingInput): Promise<FixedText> {
  return getClient().invoke('quality:fix-finding', input);
}

export function cancelGeneration(requestId: string): Promise<{ cancelled: boolean }> {
  return getClient().invoke('llm:cancel-generation', { requestId });
}

export function onToken(listener: (event: EventMap['llm:token']) => void): () => void {
  return getClient().on('llm:token', listener);
}

export function recommendHashtags(
  text: string,
  platform: Platform,
  postId: string | null,
): Promise<HashtagRecommendation> {
  return getClient().invoke('hashtags:recommend', postId ? { text, platform, postId } : { text, platform });
}
