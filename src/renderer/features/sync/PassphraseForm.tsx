import { type FormEvent, useState } from 'react';
import type { KeyringStep } from '../../../shared/domain/sync';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { SectionCard, SectionError } from '../../ui/SectionCard';
import { useSync } from './sync.store';

/**
 * The passphrase step after signing in: choose one on the first device, or enter it on another.
 * It never leaves this computer, so a lost passphrase cannot be recovered by anyone; the copy says so.
 */
export function PassphraseForm({ step }: { step: Exclude<KeyringStep, 'ready'> }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const busy = useSync((s) => s.busy);
  const error = useSync((s) => (s.actionError?.action === 'passphrase' ? s.actionError.message : null));
  const store = useSync.getState();

  if (step === 'unknown') {
    return (
      <SectionCard title="Sync passphrase">
        <SectionError
          message="Cadence cannot ask the sync server whether this account has a passphrase yet. Check your connection."
          onRetry={() => void store.load()}
        />
      </SectionCard>
    );
  }

  const creating = step === 'create';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (creating && passphrase !== repeat) {
      setMismatch('The two passphrases are not the same.');
      return;
    }
    setMismatch(null);
    const ok = creating ? await store.setPassphrase(passphrase) : await store.unlock(passphrase);
    if (ok) {
      setPassphrase('');
      setRepeat('');
    }
  };

  return (
    <SectionCard
      title={creating ? 'Choose a sync passphrase' : 'Unlock sync on this computer'}
      description={
        creating
          ? 'Your data is encrypted with this passphrase before it leaves this computer. The server never sees it and nobody can reset it: write it down somewhere safe.'
          : 'Enter the passphrase you chose on your first device. It opens your synced data here.'
      }
    >
      <form className="max-w-md space-y-4" onSubmit={(e) => void submit(e)} aria-label="Sync passphrase">
        <Field
          id="sync-passphrase"
          label="Passphrase"
          hint={creating ? 'At least 12 characters; a few unrelated words work well.' : undefined}
          error={error ?? undefined}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              required
              autoComplete={creating ? 'new-password' : 'current-password'}
              className={inputClass}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          )}
        </Field>
        {creating && (
          <Field id="sync-passphrase-repeat" label="Repeat passphrase" error={mismatch ?? undefined}>
            {(control) => (
              <input
                {...control}
                type="password"
                required
                autoComplete="new-password"
                className={inputClass}
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            )}
          </Field>
        )}
        <Button type="submit" variant="primary" disabled={busy !== null}>
          {busy === 'passphrase' ? 'Working…' : creating ? 'Set passphrase and sync' : 'Unlock'}
        </Button>
      </form>
    </SectionCard>
  );
}

/** Change the passphrase; other devices keep working because the data keys stay the same. */
export function ChangePassphraseForm() {
  const [open, setOpen] = useState(false);
  const [oldPassphrase, setOld] = useState('');
  const [newPassphrase, setNew] = useState('');
  const busy = useSync((s) => s.busy);
  const error = useSync((s) => (s.actionError?.action === 'change-passphrase' ? s.actionError.message : null));

  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Change passphrase
      </Button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await useSync.getState().changePassphrase(oldPassphrase, newPassphrase)) {
      setOld('');
      setNew('');
      setOpen(false);
    }
  };
  return (
    <form className="max-w-md space-y-4" onSubmit={(e) => void submit(e)} aria-label="Change passphrase">
      <Field id="sync-old-passphrase" label="Current passphrase">
        {(control) => (
          <input
            {...control}
            type="password"
            required
            autoComplete="current-password"
            className={inputClass}
            value={oldPassphrase}
            onChange={(e) => setOld(e.target.value)}
          />
        )}
      </Field>
      <Field
        id="sync-new-passphrase"
        label="New passphrase"
        hint="At least 12 characters. Your other devices keep syncing; use the new one when you set up the next."
        error={error ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            required
            autoComplete="new-password"
            className={inputClass}
            value={newPassphrase}
            onChange={(e) => setNew(e.target.value)}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={busy !== null}>
          {busy === 'change-passphrase' ? 'Changing…' : 'Change passphrase'}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
