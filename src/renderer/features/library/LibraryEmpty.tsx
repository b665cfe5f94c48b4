import { Link } from 'react-router';
import { Button, buttonClass } from '../../ui/Button';

/** The first-run state: nothing written yet. */
export function NoPostsYet() {
  return (
    <EmptyPanel title="No posts yet — write your first" body="Drafts, ideas and scheduled posts all land here.">
      <Link to="/compose" className={buttonClass('primary')}>
        Write a post
      </Link>
    </EmptyPanel>
  );
}

/** Filters or a search that match nothing. */
export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyPanel title="No matches" body="No posts match this search and these filters.">
      <Button onClick={onClear}>Clear search and filters</Button>
    </EmptyPanel>
  );
}

function EmptyPanel({ title, body, children }: { title: string; body: string; children: React.ReactNode }) {
  return (
    <div
      role="status"
      className="flex flex-col items-center gap-3 rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-16 text-center dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h2 className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{body}</p>
      <div className="mt-2">{children}</div>
    </div>
  );
}
