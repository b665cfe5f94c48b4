import { Button } from '../../ui/Button';
import { periodTitle, type CalendarView } from './calendar-dates';
import { useCalendar } from './calendar.store';

const VIEWS: { view: CalendarView; label: string }[] = [
  { view: 'month', label: 'Month' },
  { view: 'week', label: 'Week' },
];

/** The period heading, previous / today / next, and the month-week toggle. */
export function CalendarToolbar() {
  const view = useCalendar((state) => state.view);
  const anchor = useCalendar((state) => state.anchor);
  const timeZone = useCalendar((state) => state.timeZone);
  const step = useCalendar((state) => state.step);
  const goToday = useCalendar((state) => state.goToday);
  const setView = useCalendar((state) => state.setView);
  const unit = view === 'month' ? 'month' : 'week';

  return (
    <div className="flex flex-wrap items-center gap-3">
      <h2 aria-live="polite" className="min-w-52 text-lg font-semibold text-zinc-900 dark:text-zinc-50">
        {periodTitle(view, anchor, timeZone)}
      </h2>
      <div className="flex items-center gap-1">
        <Button size="sm" variant="ghost" aria-label={`Previous ${unit}`} onClick={() => step(-1)}>
          <span aria-hidden="true">‹</span>
        </Button>
        <Button size="sm" onClick={goToday}>
          Today
        </Button>
        <Button size="sm" variant="ghost" aria-label={`Next ${unit}`} onClick={() => step(1)}>
          <span aria-hidden="true">›</span>
        </Button>
      </div>
      <div
        role="group"
        aria-label="Calendar view"
        className="ml-auto inline-flex rounded-lg border border-zinc-300 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-800"
      >
        {VIEWS.map((option) => (
          <button
            key={option.view}
            type="button"
            aria-pressed={view === option.view}
            onClick={() => setView(option.view)}
            className={`rounded-md px-3 py-1 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              view === option.view
                ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50'
                : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
            }`}
          >
            {option.label}
          </button>
        ))}
      </div>
      <span className="w-full text-xs text-zinc-500 sm:w-auto dark:text-zinc-400">Times in {timeZone}</span>
    </div>
  );
}
