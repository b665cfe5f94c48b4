import type { SyncEngineState, SyncStatus } from '../../../shared/domain/sync';
import type { BadgeTone } from '../publishing/ToneBadge';

/** The one-word status and its tone, as the badge shows it. */
export function phaseLabel(status: SyncStatus): { label: string; tone: BadgeTone } {
  const { engine } = status;
  if (!status.account) return { label: 'Not signed in', tone: 'muted' };
  if (status.keyring !== 'ready' || engine.phase === 'locked') return { label: 'Locked', tone: 'warn' };
  switch (engine.phase) {
    case 'syncing':
      return { label: 'Syncing…', tone: 'busy' };
    case 'offline':
      return { label: 'Offline', tone: 'warn' };
    case 'error':
      return { label: 'Needs attention', tone: 'bad' };
    case 'idle':
      if (engine.pending > 0) return { label: 'Changes waiting', tone: 'busy' };
      return engine.lastSyncedAt ? { label: 'Synced', tone: 'good' } : { label: 'Not synced yet', tone: 'busy' };
    default:
      return { label: 'Not signed in', tone: 'muted' };
  }
}

/** "3 changes waiting to sync", "Everything is synced". */
export function pendingText(pending: number): string {
  if (pending === 0) return 'Everything here is synced';
  return pending === 1 ? '1 change waiting to sync' : `${pending.toLocaleString()} changes waiting to sync`;
}

export function conflictsText(count: number): string {
  if (count === 0) return 'No edits had to be merged';
  return count === 1
    ? '1 edit made on two devices was merged (the later one won, field by field)'
    : `${count.toLocaleString()} edits made on two devices were merged (the later one won, field by field)`;
}

/** The fix for an engine error, by its code; the engine's message says what happened. */
export function errorFix(error: NonNullable<SyncEngineState['lastError']>): string {
  switch (error.code) {
    case 'network':
    case 'unavailable':
    case 'internal':
      return 'Cadence keeps your work here and tries again on its own; check your internet connection.';
    case 'clock_skew':
      return "Set this computer's date and time to update automatically, then choose Sync now.";
    case 'quota_exceeded':
    case 'rate_limited':
      return 'The server asked Cadence to slow down; it will try again shortly.';
    case 'unauthenticated':
    case 'token_expired':
    case 'refresh_reused':
    case 'device_revoked':
    case 'invalid_token':
      return 'Sign in again to keep syncing.';
    case 'key_mismatch':
    case 'wrong_passphrase':
    case 'locked':
      return 'Enter your sync passphrase again.';
    default:
      return 'Choose Sync now to try again; if it keeps failing, Diagnostics has the log.';
  }
}

/** When the engine will try again, in words. */
export function retryText(nextRetryAt: string | null, now: Date = new Date()): string | null {
  if (!nextRetryAt) return null;
  const seconds = Math.max(0, Math.round((new Date(nextRetryAt).getTime() - now.getTime()) / 1000));
  if (seconds < 5) return 'Trying again now';
  if (seconds < 90) return `Trying again in ${seconds} seconds`;
  return `Trying again in ${Math.round(seconds / 60)} minutes`;
}

/** Limits as people read them: "3 devices", "100,000 AI tokens a month". */
export function usageLine(used: number, limit: number, unit: string): string {
  return `${used.toLocaleString()} of ${limit.toLocaleString()} ${unit} this month`;
}
