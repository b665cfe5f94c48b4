import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { getClient } from '../client/client';
import { showToast } from '../ui/toasts.store';
import { deepLinkRoute } from './deep-link-route';

/** Opens the page a cadence:// link names (links for other parts, like OAuth, are handled in main). */
export function DeepLinks() {
  const navigate = useNavigate();
  useEffect(
    () =>
      getClient().on('app:deep-link', ({ action, path }) => {
        const route = deepLinkRoute(action, path);
        if (route) void navigate(route);
        else if (action !== 'oauth')
          showToast({ kind: 'error', message: `Cadence cannot open cadence://${action} links` });
      }),
    [navigate],
  );
  return null;
}
