import { type FormEvent, useState } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { SectionCard } from '../../ui/SectionCard';
import { useSync } from './sync.store';

/** Create an account or sign in: server address, email, password; and "forgot password". */
export function SignInForm({ serverUrl: savedUrl, reason }: { serverUrl: string | null; reason: string | null }) {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-up');
  const [serverUrl, setServerUrl] = useState(savedUrl ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const busy = useSync((s) => s.busy);
  const error = useSync((s) => s.actionError);
  const { signIn, requestPasswordReset } = useSync.getState();
  const formError = error && (error.action === mode || error.action === 'reset') ? error.message : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await signIn(mode, serverUrl.trim(), email.trim(), password)) setPassword('');
  };

  return (
    <SectionCard
      title={mode === 'sign-up' ? 'Create a Cadence account' : 'Sign in to Cadence sync'}
      description="Sync keeps your posts, ideas, templates and profile the same on every computer. Everything is encrypted on this computer with a passphrase only you know, before it leaves."
    >
      {reason && (
        <p
          role="alert"
          className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
        >
          {reason}
        </p>
      )}
      <form className="max-w-md space-y-4" onSubmit={(e) => void submit(e)} aria-label="Sync account">
        <div role="radiogroup" aria-label="Account" className="flex gap-2">
          {(['sign-up', 'sign-in'] as const).map((value) => (
            <Button
              key={value}
              size="sm"
              role="radio"
              aria-checked={mode === value}
              variant={mode === value ? 'primary' : 'ghost'}
              onClick={() => setMode(value)}
            >
              {value === 'sign-up' ? 'New account' : 'I have an account'}
            </Button>
          ))}
        </div>
        <Field
          id="sync-server"
          label="Sync server"
          hint="The address your sync service runs at, like https://sync.example.com"
        >
          {(control) => (
            <input
              {...control}
              type="url"
              required
              className={inputClass}
              value={serverUrl}
              placeholder="https://"
              onChange={(e) => setServerUrl(e.target.value)}
            />
          )}
        </Field>
        <Field id="sync-email" label="Email">
          {(control) => (
            <input
              {...control}
              type="email"
              required
              autoComplete="email"
              className={inputClass}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="sync-password"
          label="Account password"
          hint={mode === 'sign-up' ? 'At least 10 characters. This is not your encryption passphrase.' : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              required
              autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
              className={inputClass}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {formError}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={busy !== null}>
            {busy === mode ? 'Working…' : mode === 'sign-up' ? 'Create account' : 'Sign in'}
          </Button>
          {mode === 'sign-in' && (
            <Button
              variant="ghost"
              size="sm"
              disabled={busy !== null || !email.trim() || !serverUrl.trim()}
              onClick={() => void requestPasswordReset(serverUrl.trim(), email.trim())}
            >
              Forgot password?
            </Button>
          )}
        </div>
      </form>
    </SectionCard>
  );
}
