import { create } from 'zustand';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { formatDateTime } from '../../ui/format';
import type { AbCandidate } from './ab-pairs';
import { markAbPair } from './studio-queries';
import { useStudio } from './studio.store';
import { scheduleAbPair } from './tools/tool-queries';

interface AbPairState {
  /** By "postA|postB": what was done with the pair. */
  done: Record<string, string>;
  busy: string | null;
  mark: (pair: AbCandidate) => Promise<void>;
  schedule: (pair: AbCandidate) => Promise<void>;
}

export const pairKey = (pair: AbCandidate) => `${pair.postA}|${pair.postB}`;

/** Marking variants A and B as an A/B pair, optionally scheduled into comparable slots. */
export const useAbPair = create<AbPairState>()((set, get) => {
  const flushPair = async (pair: AbCandidate) => {
    const cards = useStudio
      .getState()
      .cards.filter((c) => [pair.postA, pair.postB].includes(c.getState().postId ?? ''));
    await Promise.all(cards.map((c) => c.getState().flush()));
    return cards;
  };
  return {
    done: {},
    busy: null,
    mark: async (pair) => {
      set({ busy: pairKey(pair) });
      try {
        await flushPair(pair);
        await markAbPair(pair.postA, pair.postB);
        set({
          done: { ...get().done, [pairKey(pair)]: 'Marked as an A/B pair; compare them in Analytics once published.' },
        });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not mark the pair: ${errorMessage(error)}` });
      } finally {
        set({ busy: null });
      }
    },
    schedule: async (pair) => {
      set({ busy: pairKey(pair) });
      try {
        const cards = await flushPair(pair);
        const result = await scheduleAbPair(pair.postA, pair.postB);
        for (const card of cards) {
          const post = card.getState().postId === result.postA.id ? result.postA : result.postB;
          card.getState().applyPost(post);
        }
        const zone = useStudio.getState().timezone;
        const when = `A ${formatDateTime(result.slotA.at, zone)}, B ${formatDateTime(result.slotB.at, zone)}`;
        set({ done: { ...get().done, [pairKey(pair)]: `Scheduled as an A/B pair: ${when}. ${result.explanation}` } });
      } catch (error) {
        showToast({ kind: 'error', message: `Could not schedule the pair: ${errorMessage(error)}` });
      } finally {
        set({ busy: null });
      }
    },
  };
});
