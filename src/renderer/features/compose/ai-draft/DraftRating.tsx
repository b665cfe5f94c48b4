import { useAiDraft } from './ai-draft.store';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** 1–5 for the finished draft; shown per model on the AI page. */
export function DraftRating() {
  const rating = useAiDraft((s) => s.rating);
  return (
    <div role="group" aria-labelledby="ai-draft-rating" className="flex flex-wrap items-center gap-2">
      <span id="ai-draft-rating" className="text-xs text-zinc-500 dark:text-zinc-400">
        Rate this draft
      </span>
      <span className="flex gap-1">
        {RATINGS.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={rating === value}
            aria-label={`${value} of 5`}
            onClick={() => void useAiDraft.getState().rate(value)}
            className={`size-7 rounded-md border text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              rating !== null && value <= rating
                ? 'border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-500/60 dark:bg-indigo-500/15 dark:text-indigo-100'
                : 'border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800'
            }`}
          >
            {value}
          </button>
        ))}
      </span>
    </div>
  );
}
