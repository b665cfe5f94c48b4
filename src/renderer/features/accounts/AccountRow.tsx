import type { AccountHealth } from '../../../shared/domain/accounts';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { ToneBadge } from '../publishing/ToneBadge';
import { RelayToggle } from '../relay/RelayToggle';
import { useAccounts } from './accounts.store';
import { accountBadge, displayHandle } from './connect-method';

/** One account: who, its token health in words, and what to do about it. */
export function AccountRow({ account }: { account: AccountHealth }) {
  const busy = useAccounts((s) => s.busyAccountId === account.id);
  const { reconnect, disconnect } = useAccounts.getState();
  const badge = accountBadge(account);
  const who = `${platformLabel(account.platform)} ${displayHandle(account.handle)}`;
  return (
    <li aria-label={who} className="flex flex-wrap items-start justify-between gap-4 py-4">
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <PlatformBadge platform={account.platform} />
          <span className="font-medium">{displayHandle(account.handle)}</span>
          {account.displayName && account.displayName !== account.handle && (
            <span className="text-sm text-zinc-500 dark:text-zinc-400">{account.displayName}</span>
          )}
          <ToneBadge tone={badge.tone}>{badge.label}</ToneBadge>
        </div>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{account.statusDetail}</p>
        <dl className="flex flex-wrap gap-x-4 text-xs text-zinc-500 dark:text-zinc-400">
          {account.instanceUrl && (
            <div className="flex gap-1">
              <dt>Server</dt>
              <dd>{account.instanceUrl}</dd>
            </div>
          )}
          <div className="flex gap-1">
            <dt>Token expires</dt>
            <dd>
              {account.expiresAt ? formatDateTime(account.expiresAt) : 'no expiry given'}
              {account.refreshesAutomatically ? ' (renewed automatically)' : ''}
            </dd>
          </div>
          {account.missingScopes.length > 0 && (
            <div className="flex gap-1 text-red-700 dark:text-red-400">
              <dt>Missing permissions</dt>
              <dd>{account.missingScopes.join(', ')}</dd>
            </div>
          )}
        </dl>
        {account.source === 'connected' && <RelayToggle accountId={account.id} who={who} />}
      </div>
      {account.source !== 'import' && (
        <div className="flex gap-2">
          <Button
            size="sm"
            variant={account.status === 'valid' ? 'secondary' : 'primary'}
            disabled={busy}
            aria-label={`Reconnect ${who}`}
            onClick={() => void reconnect(account)}
          >
            Reconnect
          </Button>
          {account.source === 'connected' && (
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              aria-label={`Disconnect ${who}`}
              onClick={() => void disconnect(account)}
            >
              Disconnect
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
