import { useDroppable } from '@dnd-kit/core';
import { format } from 'date-fns';
import { dayLabel, type CalendarDay } from './calendar-dates';
import { dropId } from './drop-target';

/** A week column's heading; dropping here moves a post to that day at the same time. */
export function WeekDayHeader({ day, timeZone }: { day: CalendarDay; timeZone: string }) {
  const label = dayLabel(day.key, timeZone);
  const id = dropId({ kind: 'day', day: day.key });
  const { setNodeRef, isOver } = useDroppable({ id, data: { label } });
  return (
    <div
      ref={setNodeRef}
      data-drop-id={id}
      role="group"
      aria-label={label}
      className={`flex flex-col items-center gap-0.5 border-r border-zinc-200 py-2 dark:border-zinc-800 ${
        isOver ? 'bg-indigo-50 ring-2 ring-indigo-400 ring-inset dark:bg-indigo-950/60' : ''
      }`}
    >
      <span
        aria-hidden="true"
        className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
      >
        {format(day.date, 'EEE')}
      </span>
      <span
        aria-hidden="true"
        className={`flex size-7 items-center justify-center rounded-full text-sm font-semibold tabular-nums ${
          day.isToday ? 'bg-indigo-600 text-white dark:bg-indigo-500' : 'text-zinc-800 dark:text-zinc-100'
        }`}
      >
        {day.date.getDate()}
      </span>
    </div>
  );
}
