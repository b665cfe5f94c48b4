import type { SyncStatus } from '../../../shared/domain/sync';
import { Button } from '../../ui/Button';
import { formatDateTime, formatRelative } from '../../ui/format';
import { SectionCard } from '../../ui/SectionCard';
import { ToneBadge } from '../publishing/ToneBadge';
import { ChangePassphraseForm } from './PassphraseForm';
import { useSync } from './sync.store';
import { conflictsText, errorFix, pendingText, phaseLabel, retryText } from './sync-text';

/** Where sync stands: phase, last sync, what is waiting, merges, clock and errors with their fixes. */
export function SyncStatusSection({ status }: { status: SyncStatus }) {
  const busy = useSync((s) => s.busy);
  const actionError = useSync((s) => (s.actionError?.action === 'sync' ? s.actionError.message : null));
  const { engine } = status;
  const badge = phaseLabel(status);
  const retry = retryText(engine.nextRetryAt);
  return (
    <SectionCard
      title="Sync status"
      actions={
        <Button
          variant="primary"
          size="sm"
          disabled={busy !== null || status.keyring !== 'ready'}
          onClick={() => void useSync.getState().syncNow()}
        >
          {busy === 'sync' || engine.phase === 'syncing' ? 'Syncing…' : 'Sync now'}
        </Button>
      }
    >
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3" aria-label="Sync state" role="status">
          <ToneBadge tone={badge.tone}>{badge.label}</ToneBadge>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            {engine.lastSyncedAt ? (
              <time dateTime={engine.lastSyncedAt} title={formatDateTime(engine.lastSyncedAt)}>
                Last synced {formatRelative(engine.lastSyncedAt)}
              </time>
            ) : (
              'Not synced yet'
            )}
          </span>
        </div>
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="sr-only">Pending changes</dt>
            <dd>{pendingText(engine.pending)}</dd>
          </div>
          <div>
            <dt className="sr-only">Conflicts resolved</dt>
            <dd>{conflictsText(engine.conflictsResolved)}</dd>
          </div>
        </dl>
        {status.clockWarning && (
          <p
            role="alert"
            className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
          >
            {status.clockWarning}
          </p>
        )}
        {engine.lastError && engine.phase !== 'idle' && (
          <div
            role="alert"
            className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-500/10 dark:text-red-200"
          >
            <p className="font-medium">{engine.lastError.message}</p>
            <p>{errorFix(engine.lastError)}</p>
            {retry && <p className="text-xs opacity-80">{retry}</p>}
          </div>
        )}
        {actionError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {actionError}
          </p>
        )}
        {status.keyring === 'ready' && (
          <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
            <ChangePassphraseForm />
          </div>
        )}
      </div>
    </SectionCard>
  );
}
