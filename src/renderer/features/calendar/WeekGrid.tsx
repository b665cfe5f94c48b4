import { Fragment, useEffect, useRef } from 'react';
import { hourLabel, type CalendarDay } from './calendar-dates';
import { groupBySlot, slotKey } from './calendar-posts';
import { useCalendar } from './calendar.store';
import { HourSlot } from './HourSlot';
import { WeekDayHeader } from './WeekDayHeader';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** The week opens scrolled to the working day. */
const FIRST_VISIBLE_HOUR = 7;
const COLUMNS = 'grid grid-cols-[4rem_repeat(7,minmax(0,1fr))]';

/** Seven days by 24 hour slots in the creator's zone; each slot is a drop target. */
export function WeekGrid({ days }: { days: CalendarDay[] }) {
  const scheduled = useCalendar((state) => state.scheduled);
  const timeZone = useCalendar((state) => state.timeZone);
  const bySlot = groupBySlot(scheduled, timeZone);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-hour="${FIRST_VISIBLE_HOUR}"]`);
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop;
  }, []);

  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className={`${COLUMNS} border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/80`}>
        <div className="border-r border-zinc-200 dark:border-zinc-800" />
        {days.map((day) => (
          <WeekDayHeader key={day.key} day={day} timeZone={timeZone} />
        ))}
      </div>
      <div ref={scroller} className={`${COLUMNS} relative max-h-[36rem] overflow-y-auto`}>
        {HOURS.map((hour) => (
          <Fragment key={hour}>
            <div
              data-hour={hour}
              className="border-r border-b border-zinc-100 pt-1 pr-2 text-right text-[11px] text-zinc-400 tabular-nums dark:border-zinc-800/70 dark:text-zinc-500"
            >
              {hourLabel(hour)}
            </div>
            {days.map((day) => (
              <HourSlot
                key={day.key}
                day={day.key}
                hour={hour}
                posts={bySlot.get(slotKey(day.key, hour)) ?? []}
                timeZone={timeZone}
              />
            ))}
          </Fragment>
        ))}
      </div>
    </div>
  );
}
