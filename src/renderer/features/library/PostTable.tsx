import { useEffect, useRef } from 'react';
import { checkboxClass } from '../../ui/controls';
import { useLibrary } from './library.store';
import { PostRow } from './PostRow';
import { pageSelectionState } from './selection';

/** The current page of posts with a select-all-on-page checkbox (mixed when partly selected). */
export function PostTable() {
  const items = useLibrary((state) => state.items);
  const timeZone = useLibrary((state) => state.timeZone);
  const selection = useLibrary((state) => state.selection);
  const togglePage = useLibrary((state) => state.togglePage);
  const pageState = pageSelectionState(
    selection,
    items.map((item) => item.id),
  );
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = pageState === 'some';
  }, [pageState]);

  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full table-fixed border-collapse text-left">
        <caption className="sr-only">Posts</caption>
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-28" />
          <col className="w-56" />
          <col className="w-40" />
          <col className="w-44" />
        </colgroup>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2.5 pl-2 text-center">
              <input
                ref={selectAll}
                type="checkbox"
                className={checkboxClass}
                checked={pageState === 'all'}
                onChange={togglePage}
                aria-label="Select all posts on this page"
              />
            </th>
            <th scope="col" className="py-2.5 pr-4">
              Post
            </th>
            <th scope="col" className="py-2.5 pr-4">
              Status
            </th>
            <th scope="col" className="py-2.5 pr-4">
              Platforms
            </th>
            <th scope="col" className="py-2.5 pr-4">
              Date
            </th>
            <th scope="col" className="py-2.5 pr-4">
              Metrics
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((post) => (
            <PostRow key={post.id} post={post} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
