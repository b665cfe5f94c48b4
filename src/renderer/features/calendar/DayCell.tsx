import { useDroppable } from '@dnd-kit/core';
import type { Post } from '../../../shared/domain/post';
import { dayLabel, type CalendarDay } from './calendar-dates';
import { dropId } from './drop-target';
import { useCalendar } from './calendar.store';
import { MorePosts } from './MorePosts';
import { PostCard } from './PostCard';

/** A month cell lists this many posts; the rest are a click away in the week view. */
const VISIBLE_POSTS = 3;

/** One day of the month grid; a drop target named like "Tuesday, December 1, 2026". */
export function DayCell({ day, posts, timeZone }: { day: CalendarDay; posts: Post[]; timeZone: string }) {
  const label = dayLabel(day.key, timeZone);
  const id = dropId({ kind: 'day', day: day.key });
  const { setNodeRef, isOver } = useDroppable({ id, data: { label } });
  const setView = useCalendar((state) => state.setView);
  const shown = posts.length > VISIBLE_POSTS + 1 ? posts.slice(0, VISIBLE_POSTS) : posts;
  return (
    <div
      ref={setNodeRef}
      data-drop-id={id}
      role="group"
      aria-label={label}
      className={`flex min-h-28 flex-col gap-1 border-r border-b border-zinc-200 p-1.5 transition-colors dark:border-zinc-800 ${
        day.inMonth ? 'bg-white dark:bg-zinc-900' : 'bg-zinc-50 dark:bg-zinc-950/60'
      } ${isOver ? 'bg-indigo-50! ring-2 ring-indigo-400 ring-inset dark:bg-indigo-950/60!' : ''}`}
    >
      <span
        aria-hidden="true"
        className={`flex size-6 items-center justify-center self-end rounded-full text-xs font-medium tabular-nums ${
          day.isToday
            ? 'bg-indigo-600 text-white dark:bg-indigo-500'
            : day.inMonth
              ? 'text-zinc-700 dark:text-zinc-300'
              : 'text-zinc-400 dark:text-zinc-600'
        }`}
      >
        {day.date.getDate()}
      </span>
      {posts.length > 0 && (
        <ul className="flex flex-col gap-1">
          {shown.map((post) => (
            <PostCard key={post.id} post={post} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {shown.length < posts.length && (
        <MorePosts
          count={posts.length - shown.length}
          title="Show this week"
          onClick={() => setView('week', day.key)}
        />
      )}
    </div>
  );
}
