import { useDroppable } from '@dnd-kit/core';
import { useState } from 'react';
import type { Post } from '../../../shared/domain/post';
import { dayLabel, hourLabel, type DayKey } from './calendar-dates';
import { dropId } from './drop-target';
import { MorePosts } from './MorePosts';
import { PostCard } from './PostCard';

const VISIBLE_POSTS = 2;

/** One hour of one day in the week view; a drop target named like "9 AM, Tuesday, December 1, 2026". */
export function HourSlot({
  day,
  hour,
  posts,
  timeZone,
}: {
  day: DayKey;
  hour: number;
  posts: Post[];
  timeZone: string;
}) {
  const label = `${hourLabel(hour)}, ${dayLabel(day, timeZone)}`;
  const id = dropId({ kind: 'slot', day, hour });
  const { setNodeRef, isOver } = useDroppable({ id, data: { label } });
  const [expanded, setExpanded] = useState(false);
  const shown = expanded || posts.length <= VISIBLE_POSTS + 1 ? posts : posts.slice(0, VISIBLE_POSTS);
  return (
    <div
      ref={setNodeRef}
      data-drop-id={id}
      role="group"
      aria-label={label}
      className={`flex min-h-12 flex-col gap-0.5 border-r border-b border-zinc-100 p-0.5 dark:border-zinc-800/70 ${
        isOver ? 'bg-indigo-50 ring-2 ring-indigo-400 ring-inset dark:bg-indigo-950/60' : ''
      }`}
    >
      {posts.length > 0 && (
        <ul className="flex flex-col gap-0.5">
          {shown.map((post) => (
            <PostCard key={post.id} post={post} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {shown.length < posts.length && (
        <MorePosts count={posts.length - shown.length} title="Show all" onClick={() => setExpanded(true)} />
      )}
    </div>
  );
}
