import { getClient } from '../client/client';
import { showToast } from '../ui/toasts.store';

/** Shows the core's app:notification events as toasts; returns the unsubscribe function. */
export function listenForNotifications(): () => void {
  return getClient().on('app:notification', ({ title, body }) => {
    showToast({ kind: 'info', title, message: body });
  });
}
