import { useEffect } from 'react';
import { BrowserRouter, HashRouter } from 'react-router';
import { Toaster } from '../ui/Toaster';
import { useApp } from './app.store';
import { AppRoutes } from './AppRoutes';
import { DeepLinks } from './DeepLinks';
import { listenForNotifications } from './notifications';
import { StartupScreen } from './StartupScreen';

/**
 * Electron loads index.html from a file:// URL, where only the hash can carry the route; the
 * browser host serves every path, so it gets real URLs.
 */
const Router = window.location.protocol === 'file:' ? HashRouter : BrowserRouter;

/** The root: asks the core what it is, then routes to onboarding or the app shell. */
export function App() {
  const state = useApp((store) => store.state);
  const load = useApp((store) => store.load);

  useEffect(() => {
    void load();
    return listenForNotifications();
  }, [load]);

  return (
    <Router>
      {state.status === 'ready' ? (
        <AppRoutes onboarded={state.info.onboarded} />
      ) : (
        <StartupScreen error={state.error} onRetry={() => void load()} />
      )}
      <DeepLinks />
      <Toaster />
    </Router>
  );
}
