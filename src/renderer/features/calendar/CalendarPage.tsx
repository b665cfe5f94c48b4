import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { BestTimesPanel } from './BestTimesPanel';
import { PageHeader } from '../../ui/PageHeader';
import { QueueView } from './QueueView';
import { visibleDays } from './calendar-dates';
import { CalendarDnd } from './CalendarDnd';
import { CalendarTabs, useCalendarTab } from './CalendarTabs';
import { CalendarToolbar } from './CalendarToolbar';
import { useCalendar } from './calendar.store';
import { MonthGrid } from './MonthGrid';
import { RescheduleDialog } from './RescheduleDialog';
import { UnscheduledList } from './UnscheduledList';
import { WeekGrid } from './WeekGrid';

/** Scheduled posts by month or week in the creator's time zone; drag to plan, or use Reschedule. */
export default function CalendarPage() {
  const start = useCalendar((state) => state.start);
  useEffect(() => start(), [start]);

  const [tab, setTab] = useCalendarTab();

  return (
    <div className="flex flex-col">
      <PageHeader
        title="Calendar"
        description={
          tab === 'queue'
            ? 'What goes out next, the free slots between, and weeks short of your cadence.'
            : "Drag posts between days, or use a post's Reschedule button."
        }
      />
      <CalendarTabs tab={tab} onChange={setTab}>
        {tab === 'queue' ? (
          <QueueView />
        ) : (
          <CalendarDnd>
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_16rem]">
              <div className="flex min-w-0 flex-col gap-3">
                <CalendarToolbar />
                <CalendarBody />
              </div>
              <aside className="lg:pt-12">
                <UnscheduledList />
                <BestTimesPanel />
              </aside>
            </div>
          </CalendarDnd>
        )}
      </CalendarTabs>
      <RescheduleDialog />
    </div>
  );
}

function CalendarBody() {
  const view = useCalendar((state) => state.view);
  const anchor = useCalendar((state) => state.anchor);
  const timeZone = useCalendar((state) => state.timeZone);
  const load = useCalendar((state) => state.load);
  const error = useCalendar((state) => state.error);
  const refresh = useCalendar((state) => state.refresh);
  const days = visibleDays(view, anchor, timeZone);

  if (load === 'error') {
    return (
      <div
        role="alert"
        className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm dark:border-red-900 dark:bg-red-950/40"
      >
        <p className="font-medium text-red-800 dark:text-red-200">Could not load the calendar</p>
        <p className="mt-1 text-red-700 dark:text-red-300">{error}</p>
        <Button size="sm" className="mt-3" onClick={() => void refresh()}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <>
      <TruncationNote />
      {view === 'month' ? <MonthGrid days={days} /> : <WeekGrid days={days} />}
    </>
  );
}

/** Says so when a period holds more posts than the calendar loads. */
function TruncationNote() {
  const loaded = useCalendar((state) => state.scheduled.length);
  const total = useCalendar((state) => state.scheduledTotal);
  if (total <= loaded) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100"
    >
      Showing the first {loaded.toLocaleString('en-US')} of {total.toLocaleString('en-US')} posts in this period. Use
      the week view or the Library to see the rest.
    </p>
  );
}
