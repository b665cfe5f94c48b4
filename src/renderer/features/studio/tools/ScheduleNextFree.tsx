import { Link } from 'react-router';
import { useStore } from 'zustand';
import { Button } from '../../../ui/Button';
import { scheduledText } from '../scheduled-text';
import type { PostEditor } from './post-editor';
import { scheduleEntry, useSchedule } from './schedule.store';

/** "Schedule to next free slot", then "Scheduled for Tue, Dec 1 at 9:00" with a link to the calendar. */
export function ScheduleNextFree({ editor }: { editor: PostEditor }) {
  const postId = useStore(editor, (s) => s.postId);
  const scheduledAt = useStore(editor, (s) => s.draft.scheduledAt);
  const status = useStore(editor, (s) => s.draft.status);
  const timezone = useStore(editor, (s) => s.timezone);
  const entry = useSchedule((s) => scheduleEntry(s, postId));
  const shown = entry.scheduledAt ?? (status === 'scheduled' ? scheduledAt : null);

  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant={shown ? 'secondary' : 'primary'}
          disabled={postId === null || entry.busy}
          onClick={() => void useSchedule.getState().scheduleNext(editor)}
        >
          {entry.busy ? 'Scheduling…' : 'Schedule to next free slot'}
        </Button>
        {shown && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {scheduledText(shown, timezone)}{' '}
            <Link
              to="/calendar"
              className="underline underline-offset-2 hover:text-emerald-900 dark:hover:text-emerald-200"
            >
              Open calendar
            </Link>
          </p>
        )}
      </div>
      {entry.slot && <p className="text-xs text-zinc-500 dark:text-zinc-400">{entry.slot.reason}</p>}
      {entry.error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {entry.error}
        </p>
      )}
    </div>
  );
}
