import { useDroppable } from '@dnd-kit/core';
import { Button } from '../../ui/Button';
import { clockLabel } from './calendar-dates';
import { useCalendar } from './calendar.store';
import { UNSCHEDULED_DROP_ID } from './drop-target';
import { PostCard } from './PostCard';

/** Drafts and ready posts without a time; drag one onto a day, or drop a post here to unschedule it. */
export function UnscheduledList() {
  const posts = useCalendar((state) => state.unscheduled);
  const total = useCalendar((state) => state.unscheduledTotal);
  const timeZone = useCalendar((state) => state.timeZone);
  const defaultTime = useCalendar((state) => state.defaultTime);
  const showMore = useCalendar((state) => state.showMoreUnscheduled);
  const { setNodeRef, isOver } = useDroppable({ id: UNSCHEDULED_DROP_ID, data: { label: 'Unscheduled' } });

  return (
    <section
      ref={setNodeRef}
      data-drop-id={UNSCHEDULED_DROP_ID}
      aria-labelledby="calendar-unscheduled-heading"
      className={`flex max-h-[calc(100vh-10rem)] min-h-48 flex-col rounded-xl border bg-white shadow-sm transition-colors dark:bg-zinc-900 ${
        isOver
          ? 'border-indigo-400 ring-2 ring-indigo-400/60 dark:border-indigo-500'
          : 'border-zinc-200 dark:border-zinc-800'
      }`}
    >
      <header className="flex items-baseline justify-between border-b border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
        <h2 id="calendar-unscheduled-heading" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Unscheduled
        </h2>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{total.toLocaleString('en-US')}</span>
      </header>
      {posts.length === 0 ? (
        <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
          No drafts waiting. Ready posts and drafts without a time show up here.
        </p>
      ) : (
        <ul aria-label="Unscheduled posts" className="flex flex-col gap-1.5 overflow-y-auto p-2">
          {posts.map((post) => (
            <PostCard key={post.id} post={post} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {posts.length < total && posts.length < 500 && (
        <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
          <Button size="sm" variant="ghost" className="w-full" onClick={showMore}>
            Show more
          </Button>
        </div>
      )}
      <p className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        Drag onto a day to schedule it at {clockLabel(defaultTime)}, or use its Reschedule button.
      </p>
    </section>
  );
}
