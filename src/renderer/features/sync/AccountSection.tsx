import { type FormEvent, useState } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { SectionCard } from '../../ui/SectionCard';
import { useSync } from './sync.store';

/** Sign out, or delete the account (password again and a typed confirmation). */
export function AccountSection({ email }: { email: string }) {
  const [deleting, setDeleting] = useState(false);
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const busy = useSync((s) => s.busy);
  const error = useSync((s) => (s.actionError?.action === 'delete' ? s.actionError.message : null));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await useSync.getState().deleteAccount(password)) setDeleting(false);
    setPassword('');
  };

  return (
    <SectionCard title="Account" description={`Signed in as ${email}.`}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" disabled={busy !== null} onClick={() => void useSync.getState().signOut()}>
            {busy === 'sign-out' ? 'Signing out…' : 'Sign out'}
          </Button>
          <span className="text-sm text-zinc-500 dark:text-zinc-400">
            Your data stays on this computer; it stops syncing until you sign in again.
          </span>
        </div>
        {deleting ? (
          <form
            aria-label="Delete account"
            className="max-w-md space-y-3 rounded-lg border border-red-300 p-4 dark:border-red-900"
            onSubmit={(e) => void submit(e)}
          >
            <p className="text-sm text-red-800 dark:text-red-200">
              This deletes your Cadence account and everything the sync server holds for it, on every device. Posts on
              this computer stay. It cannot be undone.
            </p>
            <Field id="sync-delete-password" label="Account password" error={error ?? undefined}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  required
                  autoComplete="current-password"
                  className={inputClass}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            <Field id="sync-delete-confirm" label='Type "delete my account" to confirm'>
              {(control) => (
                <input {...control} className={inputClass} value={typed} onChange={(e) => setTyped(e.target.value)} />
              )}
            </Field>
            <div className="flex gap-2">
              <Button type="submit" variant="danger" disabled={busy !== null || typed.trim() !== 'delete my account'}>
                {busy === 'delete' ? 'Deleting…' : 'Delete account'}
              </Button>
              <Button variant="ghost" onClick={() => setDeleting(false)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : (
          <Button variant="ghost" size="sm" onClick={() => setDeleting(true)}>
            Delete account…
          </Button>
        )}
      </div>
    </SectionCard>
  );
}
