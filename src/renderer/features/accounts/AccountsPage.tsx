import { useEffect, useState } from 'react';
import { getClient } from '../../client/client';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyNote, SectionCard, SectionError } from '../../ui/SectionCard';
import { PublishQueueSection } from '../publishing/PublishQueueSection';
import { AccountRow } from './AccountRow';
import { useAccounts } from './accounts.store';
import { ConnectAccountForm } from './ConnectAccountForm';
import { ConnectFlowStatus } from './ConnectFlowStatus';
import { SignInOptionsSection } from './SignInOptionsSection';

/**
 * /accounts: connected accounts with their token health, connecting new ones, how Cadence signs in
 * to each platform (and the creator's own apps), and the publishing queue.
 */
export default function AccountsPage() {
  const accounts = useAccounts((s) => s.accounts);
  const loadError = useAccounts((s) => s.loadError);
  const loading = useAccounts((s) => s.loading);
  const [connecting, setConnecting] = useState(false);

  useEffect(() => {
    const { load } = useAccounts.getState();
    void load();
    const off = getClient().on('accounts:changed', () => void load());
    return () => {
      off();
      useAccounts.getState().cancelFlow();
    };
  }, []);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Accounts"
        description="The accounts Cadence publishes to, whether their sign-in still works, and what is queued."
        actions={
          !connecting && (
            <Button variant="primary" onClick={() => setConnecting(true)}>
              Connect an account
            </Button>
          )
        }
      />
      <ConnectFlowStatus />
      {connecting && (
        <SectionCard title="Connect an account">
          <ConnectAccountForm onDone={() => setConnecting(false)} />
        </SectionCard>
      )}
      <SectionCard title="Connected accounts">
        {loadError ? (
          <SectionError message={loadError} onRetry={() => void useAccounts.getState().load()} />
        ) : accounts.length === 0 ? (
          <EmptyNote>
            {loading ? 'Loading accounts…' : 'No accounts yet. Connect one to publish from Cadence.'}
          </EmptyNote>
        ) : (
          <ul aria-label="Connected accounts" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {accounts.map((account) => (
              <AccountRow key={account.id} account={account} />
            ))}
          </ul>
        )}
      </SectionCard>
      <SignInOptionsSection />
      <PublishQueueSection />
    </div>
  );
}
