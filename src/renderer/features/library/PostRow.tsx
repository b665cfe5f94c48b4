import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { checkboxClass } from '../../ui/controls';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { StatusBadge } from '../../ui/StatusBadge';
import { useLibrary } from './library.store';
import { postDateLabel, postHeadline } from './post-display';
import type { LibraryItem } from './queries';
import { HighlightedText } from './HighlightedText';
import { markQuery, parseSnippet } from './snippet-marks';
import { PostMetricsCell } from './PostMetricsCell';

/** One post in the library table; the whole row opens the post in Compose. */
export function PostRow({ post, timeZone }: { post: LibraryItem; timeZone: string }) {
  const navigate = useNavigate();
  const selected = useLibrary((state) => state.selection.has(post.id));
  const toggleRow = useLibrary((state) => state.toggleRow);
  const query = useLibrary((state) => state.shownQuery);
  const headline = postHeadline(post);
  const date = postDateLabel(post, timeZone);
  const href = `/compose/${post.id}`;

  const openRow = (event: MouseEvent<HTMLTableRowElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, label') || window.getSelection()?.toString()) return;
    void navigate(href);
  };

  return (
    <tr
      onClick={openRow}
      aria-selected={selected}
      className={`group cursor-pointer border-b border-zinc-100 last:border-0 dark:border-zinc-800 ${
        selected ? 'bg-indigo-50/70 dark:bg-indigo-950/40' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40'
      }`}
    >
      <td className="w-10 p-0 align-top">
        <label className="flex cursor-pointer justify-center pt-3.5 pb-3 pl-2">
          <input
            type="checkbox"
            className={checkboxClass}
            checked={selected}
            onChange={() => toggleRow(post.id)}
            aria-label={`Select ${headline}`}
          />
        </label>
      </td>
      <td className="max-w-0 py-3 pr-4 align-top">
        <Link
          to={href}
          className="block truncate font-medium text-zinc-900 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:hover:text-indigo-300"
        >
          {query ? <HighlightedText parts={markQuery(headline, query)} /> : headline}
        </Link>
        {post.snippet ? (
          <p className="mt-0.5 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">
            <HighlightedText parts={parseSnippet(post.snippet)} />
          </p>
        ) : (
          post.title.trim() !== '' &&
          post.body.trim() !== '' && (
            <p className="mt-0.5 truncate text-sm text-zinc-500 dark:text-zinc-400">{post.body}</p>
          )
        )}
        {post.matchedBy?.length === 1 && post.matchedBy[0] === 'semantic' && (
          <p className="mt-0.5 text-xs text-emerald-700 dark:text-emerald-300">Similar in meaning</p>
        )}
        {post.tags.length > 0 && (
          <ul className="mt-1.5 flex flex-wrap gap-1">
            {post.tags.map((tag) => (
              <li key={tag} className="text-xs text-zinc-500 dark:text-zinc-400">
                #{tag}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="py-3 pr-4 align-top whitespace-nowrap">
        <StatusBadge status={post.status} />
      </td>
      <td className="py-3 pr-4 align-top">
        <div className="flex flex-wrap gap-1">
          {post.platforms.length === 0 ? (
            <span className="text-sm text-zinc-400 dark:text-zinc-500">—</span>
          ) : (
            post.platforms.map((platform) => <PlatformBadge key={platform} platform={platform} />)
          )}
        </div>
      </td>
      <td className="py-3 pr-4 align-top text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        <span className="block text-xs text-zinc-400 dark:text-zinc-500">{date.kind}</span>
        <time dateTime={date.iso}>{date.text}</time>
      </td>
      <td className="py-3 pr-4 align-top text-xs text-zinc-600 dark:text-zinc-400">
        {post.status === 'published' ? (
          <PostMetricsCell postId={post.id} />
        ) : (
          <span className="text-sm text-zinc-400 dark:text-zinc-500">—</span>
        )}
      </td>
    </tr>
  );
}
