import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Post } from '../../../shared/domain/post';
import { Button, buttonClass } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { postHeadline } from '../library/post-display';
import { atLocalTime, dayKeyOf, timeOf, todayKey } from './calendar-dates';
import { findPost } from './calendar-posts';
import { useCalendar } from './calendar.store';

/** The no-drag way to move a post: pick a date and a time (in the creator's zone) and save. */
export function RescheduleDialog() {
  const post = useCalendar((state) => (state.rescheduleId ? findPost(state, state.rescheduleId) : undefined));
  const close = useCalendar((state) => state.openReschedule);
  if (!post) return null;
  return <RescheduleForm key={post.id} post={post} onClose={() => close(null)} />;
}

function RescheduleForm({ post, onClose }: { post: Post; onClose: () => void }) {
  const timeZone = useCalendar((state) => state.timeZone);
  const defaultTime = useCalendar((state) => state.defaultTime);
  const reschedule = useCalendar((state) => state.reschedule);
  const dialog = useRef<HTMLDialogElement>(null);
  const [date, setDate] = useState(post.scheduledAt ? dayKeyOf(post.scheduledAt, timeZone) : todayKey(timeZone));
  const [time, setTime] = useState(post.scheduledAt ? timeOf(post.scheduledAt, timeZone) : defaultTime);
  const [saving, setSaving] = useState(false);
  const title = postHeadline(post);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const save = async (scheduledAt: string | null) => {
    setSaving(true);
    const ok = await reschedule(post.id, scheduledAt, { undoable: true });
    setSaving(false);
    if (ok) onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (date && time) void save(atLocalTime(date, time, timeZone));
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="reschedule-heading"
      onClose={onClose}
      className="m-auto w-[30rem] max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form onSubmit={submit} className="flex flex-col gap-4 p-5">
        <div>
          <h2 id="reschedule-heading" className="text-base font-semibold">
            Reschedule “{title}”
          </h2>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">Times are in {timeZone}.</p>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field id="reschedule-date" label="Date" error={date ? undefined : 'Pick a date'}>
            {(control) => (
              <input
                {...control}
                type="date"
                required
                className={`${inputClass} dark:scheme-dark`}
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            )}
          </Field>
          <Field id="reschedule-time" label="Time" error={time ? undefined : 'Pick a time'}>
            {(control) => (
              <input
                {...control}
                type="time"
                required
                className={`${inputClass} dark:scheme-dark`}
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="-mx-5 -mb-5 flex flex-wrap items-center gap-2 rounded-b-xl border-t border-zinc-200 bg-zinc-50 px-5 py-3 dark:border-zinc-800 dark:bg-zinc-950/40">
          <Link to={`/compose/${post.id}`} className={buttonClass('ghost', 'sm', '-ml-3')}>
            Open in editor
          </Link>
          {post.scheduledAt && (
            <Button size="sm" variant="ghost" disabled={saving} onClick={() => void save(null)}>
              Unschedule
            </Button>
          )}
          <div className="ml-auto flex gap-2">
            <Button size="sm" onClick={onClose}>
              Cancel
            </Button>
            <Button size="sm" type="submit" variant="primary" disabled={saving || !date || !time}>
              {post.scheduledAt ? 'Save' : 'Schedule'}
            </Button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
