import { useDraggable } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Post } from '../../../shared/domain/post';
import { postHeadline } from '../library/post-display';
import { useCalendar } from './calendar.store';
import { PostCardBody } from './PostCardBody';

/**
 * A draggable post. Its accessible name is the post's title; Space picks it up (keyboard drag),
 * Enter or a click opens it, and the "Reschedule" button moves it without dragging.
 */
export function PostCard({ post, timeZone }: { post: Post; timeZone: string }) {
  const navigate = useNavigate();
  const openReschedule = useCalendar((state) => state.openReschedule);
  const title = postHeadline(post);
  const locked = post.status === 'published';
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: post.id,
    data: { title },
    disabled: locked,
  });
  const open = () => void navigate(`/compose/${post.id}`);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.['onKeyDown']?.(event);
    // Enter also ends a keyboard drag; only open the post when none is in progress.
    if (!event.defaultPrevented && !isDragging && event.key === 'Enter') open();
  };
  const titleId = `calendar-post-${post.id}`;

  return (
    <li className={`group relative list-none ${isDragging ? 'opacity-40' : ''}`}>
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        onKeyDown={onKeyDown}
        onClick={open}
        // No native text selection from a press: it would auto-scroll the week's hours under the drag.
        onMouseDown={(event) => event.preventDefault()}
        aria-label={title}
        aria-roledescription={locked ? 'published post' : 'draggable post'}
        className={`rounded-md focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 ${
          locked ? 'cursor-pointer' : 'cursor-grab touch-none select-none'
        }`}
      >
        <PostCardBody post={post} timeZone={timeZone} titleId={titleId} hasAction={!locked} />
      </div>
      {!locked && (
        <button
          type="button"
          aria-label="Reschedule"
          aria-describedby={titleId}
          title="Reschedule"
          onClick={() => openReschedule(post.id)}
          className="absolute top-0.5 right-0.5 flex size-5 items-center justify-center rounded text-zinc-400 opacity-70 group-hover:opacity-100 hover:bg-zinc-200/70 hover:text-zinc-700 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
        >
          <svg
            viewBox="0 0 16 16"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            className="size-3.5"
            aria-hidden="true"
          >
            <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
            <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </li>
  );
}
