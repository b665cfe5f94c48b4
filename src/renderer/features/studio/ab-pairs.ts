import type { Platform } from '../../../shared/domain/platform';
import type { VariantLabel } from '../../../shared/domain/studio';

/** A platform's variants A and B, once both posts exist. */
export interface AbCandidate {
  platform: Platform;
  postA: string;
  postB: string;
}

/** One candidate pair (A and B) for every platform with at least two variant posts. */
export function abCandidates(
  cards: readonly { platform: Platform; variant: VariantLabel; postId: string | null }[],
): AbCandidate[] {
  const byPlatform = new Map<Platform, Partial<Record<VariantLabel, string>>>();
  for (const card of cards) {
    if (card.postId === null) continue;
    const entry = byPlatform.get(card.platform) ?? {};
    entry[card.variant] = card.postId;
    byPlatform.set(card.platform, entry);
  }
  const pairs: AbCandidate[] = [];
  for (const [platform, posts] of byPlatform) {
    if (posts.A && posts.B) pairs.push({ platform, postA: posts.A, postB: posts.B });
  }
  return pairs;
}
