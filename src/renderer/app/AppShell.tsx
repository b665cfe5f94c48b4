import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { TalkDock } from '../features/talk/TalkDock';
import { buttonClass } from '../ui/Button';
import { Icon } from '../ui/icons';
import { useApp } from './app.store';
import { Brand } from './Brand';
import { ErrorBoundary } from './ErrorBoundary';
import { PageFallback } from './PageFallback';
import { SideNav } from './SideNav';
import { ThemeToggle } from './ThemeToggle';

/** The signed-in layout: left navigation, a slim header, and the current page. */
export function AppShell() {
  const { pathname } = useLocation();
  const info = useApp((store) => store.state.info);
  return (
    <div className="flex h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <aside className="flex w-60 shrink-0 flex-col border-r border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mb-6 px-2">
          <Brand />
        </div>
        <SideNav />
        {info && (
          <p className="mt-auto px-3 text-xs text-zinc-400 dark:text-zinc-500">
            v{info.version} · {info.mode === 'browser' ? 'browser' : 'desktop'}
          </p>
        )}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center justify-end gap-2 border-b border-zinc-200 bg-white/80 px-6 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
          <TalkDock />
          <Link to="/compose" className={buttonClass('primary', 'sm')}>
            <Icon name="plus" className="size-4" />
            New post
          </Link>
          <ThemeToggle />
        </header>
        <main id="main" tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto focus:outline-none">
          <div className="mx-auto max-w-6xl px-8 py-8">
            <ErrorBoundary resetKey={pathname}>
              <Suspense fallback={<PageFallback />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </div>
        </main>
      </div>
    </div>
  );
}
