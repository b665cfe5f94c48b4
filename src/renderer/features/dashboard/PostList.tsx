import { Link } from 'react-router';
import type { PostList as PostListResult } from '../../../shared/contract/posts';
import { formatDateTime, formatRelative } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { StatusBadge } from '../../ui/StatusBadge';

type ListedPost = PostListResult['items'][number];

function title(post: ListedPost): string {
  const text = (post.title.trim() || post.body.trim()).replace(/\s+/gu, ' ');
  return text ? (text.length > 90 ? `${text.slice(0, 89)}…` : text) : 'Untitled post';
}

/** A compact list of posts, each linking to Compose; `when` picks the date shown. */
export function PostList({
  posts,
  when,
  timeZone,
  empty,
}: {
  posts: ListedPost[];
  when: 'scheduled' | 'updated';
  timeZone: string;
  empty: string;
}) {
  if (posts.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="-mx-2 divide-y divide-zinc-100 dark:divide-zinc-800">
      {posts.map((post) => (
        <li key={post.id}>
          <Link
            to={`/compose/${post.id}`}
            className="block rounded-md px-2 py-2.5 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800/60"
          >
            <div className="flex items-center justify-between gap-3">
              <span className="truncate text-sm font-medium text-zinc-800 dark:text-zinc-200">{title(post)}</span>
              <StatusBadge status={post.status} />
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="mr-1">
                {when === 'scheduled' && post.scheduledAt
                  ? formatDateTime(post.scheduledAt, timeZone)
                  : `Edited ${formatRelative(post.updatedAt)}`}
              </span>
              {post.platforms.map((platform) => (
                <PlatformBadge key={platform} platform={platform} />
              ))}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
