import type { Platform } from '../../../../shared/domain/platform';
import { getFieldLimit } from '../../../../shared/platforms';
import { PLATFORM_LABELS } from '../../../ui/platforms';

export interface DraftRequest {
  system: string;
  prompt: string;
  maxTokens: number;
}

/** Without platforms, a length that suits most networks. */
const DEFAULT_LIMIT = 500;
/** Facebook allows 63,206 characters; nobody wants a draft that long. */
const LONGEST = 1_500;

const SYSTEM =
  'You write social media posts for a solo creator. Write in the first person, in a natural, ' +
  'friendly voice. Reply with the post text only: no title, no quotation marks, no explanations.';

/** "X", "X and Bluesky", "X, Bluesky and Threads". */
export function listPlatforms(platforms: readonly Platform[]): string {
  const names = platforms.map((p) => PLATFORM_LABELS[p]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The shortest primary-field limit of the chosen platforms, so the draft fits all of them. */
export function draftLimit(platforms: readonly Platform[]): number {
  if (platforms.length === 0) return DEFAULT_LIMIT;
  return Math.min(LONGEST, ...platforms.map((p) => getFieldLimit(p).limit));
}

/**
 * The request for a draft: the topic, where it will be posted and how long it may be. The token
 * budget follows the length (about 2.5 characters a token, with room to finish the sentence).
 */
export function buildDraftRequest(topic: string, platforms: readonly Platform[]): DraftRequest {
  const limit = draftLimit(platforms);
  const where = platforms.length > 0 ? ` It will be posted on ${listPlatforms(platforms)}.` : '';
  const prompt = `Write a post about: ${topic.trim()}.${where} Keep it under ${limit} characters.`;
  return { system: SYSTEM, prompt, maxTokens: Math.min(1024, Math.max(96, Math.ceil(limit / 2.5))) };
}
