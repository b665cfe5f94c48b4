import { useId } from 'react';
import { Link } from 'react-router';
import { useRelay, useRelayStatus } from './relay.store';
import { RELAY_TOGGLE_LABEL, relayToggleText } from './relay-text';

/** Under a connected account: opt its scheduled text posts in to the Cadence publish relay. */
export function RelayToggle({ accountId, who }: { accountId: string; who: string }) {
  const status = useRelayStatus();
  const busy = useRelay((s) => s.busyAccountId === accountId);
  const inputId = useId();
  const noteId = useId();
  const enabled = status?.accountIds.includes(accountId) ?? false;
  const { disabled, note } = relayToggleText(status);
  return (
    <div className="space-y-1 pt-1">
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          checked={enabled}
          // Turning it off stays possible after signing out.
          disabled={busy || (disabled && !enabled)}
          aria-describedby={noteId}
          aria-label={`${RELAY_TOGGLE_LABEL} (${who})`}
          onChange={(event) => void useRelay.getState().setAccount(accountId, event.target.checked)}
          className="h-4 w-4 rounded border-zinc-300 text-indigo-600 dark:border-zinc-600"
        />
        <label htmlFor={inputId} className="text-sm text-zinc-800 dark:text-zinc-200">
          {RELAY_TOGGLE_LABEL}
        </label>
      </div>
      <p id={noteId} className="text-xs text-zinc-500 dark:text-zinc-400">
        {note}{' '}
        {disabled && (
          <Link to="/settings/sync" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Open Sync settings
          </Link>
        )}
      </p>
    </div>
  );
}
