import type { Idea } from '../../../shared/domain/studio';
import { createDraftCard, type DraftCardStore } from './draft-card.store';
import { slotLabel, type DraftSlot } from './draft-slots';

/** The card slots of an idea the core already has, named as they were when drafted. */
export function slotsOfIdea(idea: Pick<Idea, 'drafts'>): DraftSlot[] {
  const perPlatform = new Map<string, number>();
  for (const d of idea.drafts) perPlatform.set(d.platform, (perPlatform.get(d.platform) ?? 0) + 1);
  return idea.drafts.map((d) => {
    const variantLabel = (perPlatform.get(d.platform) ?? 1) > 1 ? d.variant : null;
    return {
      key: `${d.platform}:${d.variant}`,
      platform: d.platform,
      variant: d.variant,
      variantLabel,
      label: slotLabel(d.platform, variantLabel),
      // Drafts from before the last start have no stream; their id only has to be unique here.
      requestId: d.requestId ?? `restored:${d.postId}`,
    };
  });
}

/** Cards for an earlier idea: each loads its post, with the generation state and any offered text. */
export function restoreCards(idea: Idea, timezone: string): DraftCardStore[] {
  const slots = slotsOfIdea(idea);
  return idea.drafts.map((d, i) => {
    const card = createDraftCard(slots[i]!, timezone);
    card.setState({
      generation: d.status,
      warnings: d.warnings,
      error: d.error,
      shapedOffer: d.suggestion,
      edited: d.suggestion !== null,
    });
    void card.getState().attachPost(d.postId);
    return card;
  });
}
