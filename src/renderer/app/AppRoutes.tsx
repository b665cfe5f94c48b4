import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';
import { OnboardingLayout } from './OnboardingLayout';
import { pages } from './routes';

/**
 * Every path. Before onboarding everything leads to /onboarding; after it, /onboarding leads
 * home (the profile is edited in Settings).
 */
export function AppRoutes({ onboarded }: { onboarded: boolean }) {
  return (
    <Routes>
      <Route element={onboarded ? <Navigate to="/" replace /> : <OnboardingLayout />}>
        <Route path="/onboarding" element={<pages.onboarding />} />
      </Route>
      <Route element={onboarded ? <AppShell /> : <Navigate to="/onboarding" replace />}>
        <Route index element={<pages.dashboard />} />
        {/* One optional-segment route, so creating a post (/compose -> /compose/:id) keeps the editor mounted. */}
        <Route path="/compose/:id?" element={<pages.compose />} />
        <Route path="/studio" element={<pages.studio />} />
        <Route path="/library" element={<pages.library />} />
        <Route path="/calendar" element={<pages.calendar />} />
        <Route path="/bulk" element={<pages.bulk />} />
        <Route path="/templates" element={<pages.templates />} />
        <Route path="/voice" element={<pages.voice />} />
        <Route path="/analytics/*" element={<pages.analytics />} />
        <Route path="/coach" element={<pages.coach />} />
        <Route path="/accounts" element={<pages.accounts />} />
        <Route path="/ai" element={<pages.ai />} />
        <Route path="/settings" element={<pages.settings />} />
        <Route path="/settings/sync" element={<pages.sync />} />
        <Route path="/diagnostics" element={<pages.diagnostics />} />
        <Route path="/talk" element={<pages.talk />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
