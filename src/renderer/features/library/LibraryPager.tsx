import { Button } from '../../ui/Button';
import { PAGE_SIZE } from './library-filters';
import { useLibrary } from './library.store';
import { hasNextPage, pagerText } from './pager-text';

const number = (n: number) => n.toLocaleString('en-US');

/** "1–50 of 100,000 posts" with previous/next; pages come from the server one at a time. */
export function LibraryPager() {
  const page = useLibrary((state) => state.page);
  const total = useLibrary((state) => state.total);
  const shown = useLibrary((state) => state.items.length);
  const listing = useLibrary((state) => state.listing);
  const setPage = useLibrary((state) => state.setPage);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = page * PAGE_SIZE + 1;
  return (
    <nav
      aria-label="Pages"
      className="flex items-center justify-between gap-4 text-sm text-zinc-600 dark:text-zinc-400"
    >
      <p aria-live="polite">{pagerText(first, shown, total, listing)}</p>
      <div className="flex items-center gap-2">
        <span className="hidden sm:inline">
          Page {number(page + 1)}
          {listing.totalCapped ? '' : ` of ${number(pages)}`}
        </span>
        <Button size="sm" onClick={() => setPage(page - 1)} disabled={page === 0}>
          Previous
        </Button>
        <Button
          size="sm"
          onClick={() => setPage(page + 1)}
          disabled={!hasNextPage(page, PAGE_SIZE, shown, total, listing.totalCapped)}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
