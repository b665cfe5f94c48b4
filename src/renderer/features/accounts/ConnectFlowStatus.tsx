import { Button } from '../../ui/Button';
import { useAccounts } from './accounts.store';
import { connectStatusText } from './connect-method';

/** The running sign-in: waiting (with Cancel), connected as whom, or why it failed. */
export function ConnectFlowStatus() {
  const flow = useAccounts((s) => s.flow);
  const accounts = useAccounts((s) => s.accounts);
  if (!flow) return null;
  const { status } = flow;
  const handle =
    status.state === 'connected' ? (accounts.find((a) => a.id === status.accountId)?.handle ?? null) : null;
  const tone =
    status.state === 'failed'
      ? 'text-red-700 dark:text-red-400'
      : status.state === 'connected'
        ? 'text-emerald-700 dark:text-emerald-400'
        : 'text-zinc-700 dark:text-zinc-300';
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <p role="status" className={`text-sm font-medium ${tone}`}>
        {connectStatusText(status, handle)}
      </p>
      {status.state === 'pending' ? (
        <Button size="sm" variant="ghost" onClick={() => useAccounts.getState().cancelFlow()}>
          Cancel
        </Button>
      ) : (
        <Button size="sm" variant="ghost" onClick={() => useAccounts.getState().clearFlow()}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
