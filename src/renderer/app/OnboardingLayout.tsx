import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { Brand } from './Brand';
import { ErrorBoundary } from './ErrorBoundary';
import { PageFallback } from './PageFallback';
import { ThemeToggle } from './ThemeToggle';

/** First launch: no navigation yet, just the brand and the profile form. */
export function OnboardingLayout() {
  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <header className="mx-auto flex max-w-4xl items-center justify-between px-6 py-5">
        <Brand />
        <ThemeToggle />
      </header>
      <main id="main" className="mx-auto max-w-4xl px-6 pb-16">
        <ErrorBoundary>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
