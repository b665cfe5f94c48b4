import { inputClass } from '../../ui/controls';
import { useLibrary } from './library.store';
import { semanticIndicator } from './semantic-status';

/** Search-as-you-type; the store debounces the request, the input updates at once. */
export function LibrarySearch() {
  const query = useLibrary((state) => state.filters.query);
  const setFilters = useLibrary((state) => state.setFilters);
  const fetching = useLibrary((state) => state.fetching);
  const indicator = semanticIndicator(
    useLibrary((state) => state.semantic),
    useLibrary((state) => state.semanticReason),
  );
  return (
    <div>
      <div className="relative">
        <label htmlFor="library-search" className="sr-only">
          Search posts
        </label>
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-zinc-400"
        >
          <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className="size-4">
            <circle cx="9" cy="9" r="6" />
            <path d="m14 14 4 4" strokeLinecap="round" />
          </svg>
        </span>
        <input
          id="library-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Search titles, text and tags…"
          value={query}
          onChange={(event) => setFilters({ query: event.target.value })}
          aria-describedby="library-search-mode"
          className={`${inputClass} pl-9`}
        />
        {fetching && (
          <span
            aria-hidden="true"
            className="absolute inset-y-0 right-3 my-auto size-4 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-500 dark:border-zinc-600 dark:border-t-indigo-400"
          />
        )}
      </div>
      <p
        id="library-search-mode"
        className="mt-1.5 flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400"
      >
        <span
          className={`rounded-full px-2 py-0.5 font-medium ${
            indicator.on
              ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-500/20 dark:text-emerald-200'
              : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300'
          }`}
        >
          {indicator.label}
        </span>
        <span className="min-w-0 flex-1">{indicator.detail}</span>
      </p>
    </div>
  );
}
