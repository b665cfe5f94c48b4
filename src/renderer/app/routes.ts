import { lazy } from 'react';

/**
 * Every page, loaded on demand so the first route stays small. Each feature folder owns its page;
 * adding a page is one line here and one in the navigation.
 */
export const pages = {
  dashboard: lazy(() => import('../features/dashboard/DashboardPage')),
  compose: lazy(() => import('../features/compose/ComposePage')),
  studio: lazy(() => import('../features/studio/StudioPage')),
  library: lazy(() => import('../features/library/LibraryPage')),
  calendar: lazy(() => import('../features/calendar/CalendarPage')),
  bulk: lazy(() => import('../features/bulk/BulkPage')),
  templates: lazy(() => import('../features/templates/TemplatesPage')),
  voice: lazy(() => import('../features/brand/VoicePage')),
  analytics: lazy(() => import('../features/analytics/AnalyticsPage')),
  coach: lazy(() => import('../features/coach/CoachPage')),
  accounts: lazy(() => import('../features/accounts/AccountsPage')),
  ai: lazy(() => import('../features/ai/AiPage')),
  settings: lazy(() => import('../features/settings/SettingsPage')),
  sync: lazy(() => import('../features/sync/SyncPage')),
  diagnostics: lazy(() => import('../features/diagnostics/DiagnosticsPage')),
  talk: lazy(() => import('../features/talk/TalkPage')),
  onboarding: lazy(() => import('../features/onboarding/OnboardingPage')),
};
