import { NavLink, Route, Routes } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { DashboardView } from './DashboardView';
import { ImportView } from './ImportView';
import { ReportsView } from './ReportsView';

const TABS = [
  { to: '/analytics', label: 'Dashboard', end: true },
  { to: '/analytics/import', label: 'Import history', end: false },
  { to: '/analytics/reports', label: 'Reports', end: false },
] as const;

const TAB = '-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500';

/** /analytics/*: the dashboard, importing history, and reports, as three views under one header. */
export default function AnalyticsPage() {
  return (
    <div>
      <PageHeader
        title="Analytics"
        description="What works for you, from your own published posts: imported history and connected accounts."
      />
      <nav aria-label="Analytics" className="mb-6 flex gap-2 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end}
            className={({ isActive }) =>
              `${TAB} ${
                isActive
                  ? 'border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-200'
                  : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
              }`
            }
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<DashboardView />} />
        <Route path="import" element={<ImportView />} />
        <Route path="reports" element={<ReportsView />} />
        <Route path="*" element={<DashboardView />} />
      </Routes>
    </div>
  );
}
