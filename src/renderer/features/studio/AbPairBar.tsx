import { useMemo } from 'react';
import { Button } from '../../ui/Button';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { pairKey, useAbPair } from './ab-pair.store';
import { abCandidates } from './ab-pairs';
import { useStudio } from './studio.store';

/** For each platform with variants A and B: mark them as an A/B pair, or schedule them to comparable slots. */
export function AbPairBar() {
  const cards = useStudio((s) => s.cards);
  const postIds = useStudio((s) => s.postIds);
  const pairs = useMemo(
    () =>
      abCandidates(
        cards.map(({ getState }) => {
          const { slot } = getState();
          return { platform: slot.platform, variant: slot.variant, postId: postIds[slot.requestId] ?? null };
        }),
      ),
    [cards, postIds],
  );
  const done = useAbPair((s) => s.done);
  const busy = useAbPair((s) => s.busy);
  if (pairs.length === 0) return null;

  return (
    <div className="space-y-2">
      {pairs.map((pair) => {
        const key = pairKey(pair);
        const name = PLATFORM_LABELS[pair.platform];
        return (
          <div
            key={key}
            role="group"
            aria-label={`A/B test for ${name}`}
            className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
          >
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{name} variants A and B</span>
            <Button size="sm" disabled={busy !== null} onClick={() => void useAbPair.getState().mark(pair)}>
              Mark as A/B pair
            </Button>
            <Button size="sm" disabled={busy !== null} onClick={() => void useAbPair.getState().schedule(pair)}>
              Schedule as A/B pair
            </Button>
            {done[key] && (
              <p role="status" className="basis-full text-xs text-emerald-700 dark:text-emerald-400">
                {done[key]}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
