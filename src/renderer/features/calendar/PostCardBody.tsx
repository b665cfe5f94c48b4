import type { Post } from '../../../shared/domain/post';
import { PLATFORM_DOT_CLASS, platformLabel } from '../../ui/platforms';
import { postHeadline } from '../library/post-display';
import { shortTime } from './calendar-dates';

const TONE: Record<string, string> = {
  scheduled:
    'border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-800/70 dark:bg-indigo-950/70 dark:text-indigo-50',
  published:
    'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-800/70 dark:bg-emerald-950/60 dark:text-emerald-50',
  other: 'border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
};

/** What a post card shows; also the floating preview while dragging. */
export function PostCardBody({
  post,
  timeZone,
  lifted = false,
  titleId,
  hasAction = false,
}: {
  post: Post;
  timeZone: string;
  lifted?: boolean;
  titleId?: string;
  /** Leaves room for the Reschedule button over the top-right corner. */
  hasAction?: boolean;
}) {
  const tone = TONE[post.status] ?? TONE['other'];
  const dots = post.platforms.length > 0 && (
    <span className="flex items-center gap-1" aria-hidden="true">
      {post.platforms.map((platform) => (
        <span
          key={platform}
          title={platformLabel(platform)}
          className={`size-1.5 rounded-full ${PLATFORM_DOT_CLASS[platform]}`}
        />
      ))}
    </span>
  );
  return (
    <div
      className={`rounded-md border py-1 pl-2 ${hasAction ? 'pr-6' : 'pr-2'} text-left text-xs leading-snug ${tone} ${
        lifted ? 'w-44 rotate-1 cursor-grabbing shadow-xl ring-2 ring-indigo-500/60' : 'shadow-xs'
      }`}
    >
      {post.scheduledAt && (
        <div className="flex flex-wrap items-center gap-x-1.5">
          <time dateTime={post.scheduledAt} className="font-semibold whitespace-nowrap tabular-nums opacity-75">
            {shortTime(post.scheduledAt, timeZone)}
          </time>
          {dots}
        </div>
      )}
      <span id={titleId} className="line-clamp-2 font-medium break-words">
        {postHeadline(post)}
      </span>
      {!post.scheduledAt && dots && <div className="mt-1">{dots}</div>}
    </div>
  );
}
