import { useEffect } from 'react';
import { getClient } from '../../client/client';
import { PageHeader } from '../../ui/PageHeader';
import { SectionError } from '../../ui/SectionCard';
import { AccountSection } from './AccountSection';
import { DevicesSection } from './DevicesSection';
import { PassphraseForm } from './PassphraseForm';
import { PlanSection } from './PlanSection';
import { SignInForm } from './SignInForm';
import { SyncStatusSection } from './SyncStatusSection';
import { useSync } from './sync.store';

/** /settings/sync: the Cadence account, the passphrase, sync status, devices and plan. */
export default function SyncPage() {
  const status = useSync((s) => s.status);
  const plan = useSync((s) => s.plan);
  const loadError = useSync((s) => s.loadError);

  useEffect(() => {
    const { load, loadAccount, applyStatus } = useSync.getState();
    void load().then(() => loadAccount());
    return getClient().on('sync:state', (next) => applyStatus(next));
  }, []);

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Sync"
        description="Keep your work the same on every computer, end-to-end encrypted. Cadence works fully without it."
      />
      {loadError && <SectionError message={loadError} onRetry={() => void useSync.getState().load()} />}
      {status &&
        (status.account === null ? (
          <SignInForm serverUrl={status.serverUrl} reason={status.signedOutReason} />
        ) : (
          <>
            {status.keyring !== null && status.keyring !== 'ready' && <PassphraseForm step={status.keyring} />}
            <SyncStatusSection status={status} />
            <DevicesSection />
            <PlanSection plan={plan} />
            <AccountSection email={status.account.email} />
          </>
        ))}
    </div>
  );
}
