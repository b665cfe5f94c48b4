import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

export type CalendarTab = 'calendar' | 'queue';

const TABS: { tab: CalendarTab; label: string }[] = [
  { tab: 'calendar', label: 'Calendar' },
  { tab: 'queue', label: 'Queue' },
];

/** The open tab, kept in the address (?tab=queue) so a reload stays on it. */
export function useCalendarTab(): [CalendarTab, (tab: CalendarTab) => void] {
  const [params, setParams] = useSearchParams();
  const tab: CalendarTab = params.get('tab') === 'queue' ? 'queue' : 'calendar';
  const setTab = (next: CalendarTab) => setParams(next === 'queue' ? { tab: 'queue' } : {}, { replace: true });
  return [tab, setTab];
}

/** Calendar / Queue tabs with their panel (arrow keys move between tabs). */
export function CalendarTabs({
  tab,
  onChange,
  children,
}: {
  tab: CalendarTab;
  onChange: (tab: CalendarTab) => void;
  children: ReactNode;
}) {
  return (
    <>
      <div
        role="tablist"
        aria-label="Calendar views"
        className="mb-4 flex gap-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        {TABS.map((option, index) => (
          <button
            key={option.tab}
            id={`calendar-tab-${option.tab}`}
            type="button"
            role="tab"
            aria-selected={tab === option.tab}
            aria-controls={`calendar-panel-${option.tab}`}
            tabIndex={tab === option.tab ? 0 : -1}
            onClick={() => onChange(option.tab)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              onChange(next.tab);
              document.getElementById(`calendar-tab-${next.tab}`)?.focus();
            }}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              tab === option.tab
                ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-200'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
            }`}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`calendar-panel-${tab}`} aria-labelledby={`calendar-tab-${tab}`}>
        {children}
      </div>
    </>
  );
}
