import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { LibraryBulkBar } from './LibraryBulkBar';
import { NoMatches, NoPostsYet } from './LibraryEmpty';
import { LibraryFilterBar } from './LibraryFilterBar';
import { LibraryPager } from './LibraryPager';
import { LibrarySearch } from './LibrarySearch';
import { useLibrary } from './library.store';
import { PostTable } from './PostTable';

/** Every post, searchable and filterable, a server page at a time. */
export default function LibraryPage() {
  const start = useLibrary((state) => state.start);
  useEffect(() => start(), [start]);

  return (
    <div className="flex flex-col gap-5">
      <PageHeader title="Library" description={<TotalLine />} />
      <LibrarySearch />
      <LibraryFilterBar />
      <LibraryBody />
    </div>
  );
}

function TotalLine() {
  const total = useLibrary((state) => state.total);
  const load = useLibrary((state) => state.load);
  if (load !== 'ready') return 'Every post you have written.';
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'post' : 'posts'}`;
}

function LibraryBody() {
  const load = useLibrary((state) => state.load);
  const error = useLibrary((state) => state.error);
  const total = useLibrary((state) => state.total);
  const libraryEmpty = useLibrary((state) => state.libraryEmpty);
  const refresh = useLibrary((state) => state.refresh);
  const resetFilters = useLibrary((state) => state.resetFilters);

  if (load === 'loading') {
    return (
      <div className="flex justify-center py-16">
        <Spinner label="Loading posts…" />
      </div>
    );
  }
  if (load === 'error') {
    return (
      <div
        role="alert"
        className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm dark:border-red-900 dark:bg-red-950/40"
      >
        <p className="font-medium text-red-800 dark:text-red-200">Could not load posts</p>
        <p className="mt-1 text-red-700 dark:text-red-300">{error}</p>
        <Button size="sm" className="mt-3" onClick={() => void refresh()}>
          Try again
        </Button>
      </div>
    );
  }
  if (total === 0) return libraryEmpty ? <NoPostsYet /> : <NoMatches onClear={resetFilters} />;
  return (
    <div className="flex flex-col gap-3">
      <LibraryBulkBar />
      <PostTable />
      <LibraryPager />
    </div>
  );
}
