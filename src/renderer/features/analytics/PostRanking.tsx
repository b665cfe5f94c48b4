import { Link } from 'react-router';
import type { PublishedPost } from '../../../shared/domain/analytics';
import { formatDateTime, formatNumber } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { formatRate } from './analytics-format';

function postTitle(post: PublishedPost): string {
  const text = (post.title.trim() || post.excerpt.trim()).replace(/\s+/gu, ' ');
  return text ? (text.length > 90 ? `${text.slice(0, 89)}…` : text) : 'Untitled post';
}

function RankedList({ posts, timezone, label }: { posts: readonly PublishedPost[]; timezone: string; label: string }) {
  return (
    <ol aria-label={label} className="-mx-2 divide-y divide-zinc-100 dark:divide-zinc-800">
      {posts.map((post) => (
        <li key={post.publicationId}>
          <Link
            to={`/compose/${post.postId}`}
            className="block rounded-md px-2 py-2.5 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800/60"
          >
            <div className="flex items-baseline justify-between gap-3">
              <span className="truncate text-sm font-medium text-zinc-800 dark:text-zinc-200">{postTitle(post)}</span>
              <span className="shrink-0 text-sm font-semibold tabular-nums">{formatRate(post.engagementRate)}</span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
              <PlatformBadge platform={post.platform} />
              <span>{formatDateTime(post.publishedAt, timezone)}</span>
              <span>
                · {formatNumber(post.engagements)} engagements
                {post.exposure ? ` ÷ ${formatNumber(post.exposure.value)} ${post.exposure.kind}` : ''}
              </span>
            </div>
          </Link>
        </li>
      ))}
    </ol>
  );
}

/** The best and worst posts of the range by engagement rate, each opening in Compose. */
export function PostRanking({
  top,
  bottom,
  minExposure,
  timezone,
}: {
  top: readonly PublishedPost[];
  bottom: readonly PublishedPost[];
  minExposure: number;
  timezone: string;
}) {
  const note = `Ranked by engagement rate among posts seen at least ${formatNumber(minExposure)} times, so a handful of views cannot top the list.`;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <SectionCard title="Top posts" description={note}>
        {top.length === 0 ? (
          <EmptyNote>Not enough data yet: no post in this range has enough views to rank.</EmptyNote>
        ) : (
          <RankedList posts={top} timezone={timezone} label="Top posts" />
        )}
      </SectionCard>
      <SectionCard title="Bottom posts" description="The posts that drew the least engagement for their reach.">
        {bottom.length === 0 ? (
          <EmptyNote>Not enough data yet.</EmptyNote>
        ) : (
          <RankedList posts={bottom} timezone={timezone} label="Bottom posts" />
        )}
      </SectionCard>
    </div>
  );
}
