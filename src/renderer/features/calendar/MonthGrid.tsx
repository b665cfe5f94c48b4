import { format } from 'date-fns';
import type { CalendarDay } from './calendar-dates';
import { groupByDay } from './calendar-posts';
import { useCalendar } from './calendar.store';
import { DayCell } from './DayCell';

/** Whole weeks, Monday first, with each scheduled post on its local day. */
export function MonthGrid({ days }: { days: CalendarDay[] }) {
  const scheduled = useCalendar((state) => state.scheduled);
  const timeZone = useCalendar((state) => state.timeZone);
  const byDay = groupByDay(scheduled, timeZone);
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 shadow-sm dark:border-zinc-800">
      <div className="grid grid-cols-7 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/80">
        {days.slice(0, 7).map((day) => (
          <div
            key={day.key}
            className="px-2 py-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400"
          >
            <abbr title={format(day.date, 'EEEE')} className="no-underline">
              {format(day.date, 'EEE')}
            </abbr>
          </div>
        ))}
      </div>
      <div className="-mr-px -mb-px grid grid-cols-7">
        {days.map((day) => (
          <DayCell key={day.key} day={day} posts={byDay.get(day.key) ?? []} timeZone={timeZone} />
        ))}
      </div>
    </div>
  );
}
