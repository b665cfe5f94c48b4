import { Link } from 'react-router';
import { Card } from '../../ui/Card';

/** Settings points to the Sync page, where the optional Cadence account lives. */
export function SyncLinkCard() {
  return (
    <Card title="Sync and the Cadence account">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Optional. Sign in to keep several devices in step (end-to-end encrypted), use the Cadence cloud model when this
        computer has none, and let the relay publish while it sleeps.
      </p>
      <Link
        to="/settings/sync"
        className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        Open Sync settings
      </Link>
    </Card>
  );
}
