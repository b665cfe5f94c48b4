import { type FormEvent, useState } from 'react';
import { PLATFORMS, type Platform } from '../../../shared/domain/platform';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { platformLabel } from '../../ui/platforms';
import { useAccounts } from './accounts.store';
import { BLUESKY_APP_PASSWORD_URL, connectMethod } from './connect-method';

/** Pick a platform, then sign in on its page, give a Mastodon server, or a Bluesky app password. */
export function ConnectAccountForm({ onDone }: { onDone: () => void }) {
  const [platform, setPlatform] = useState<Platform>('x');
  const [instanceUrl, setInstanceUrl] = useState('');
  const [handle, setHandle] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [sending, setSending] = useState(false);
  const connectError = useAccounts((s) => s.connectError);
  const method = connectMethod(platform);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    const { connectOAuth, connectBluesky } = useAccounts.getState();
    try {
      if (method === 'app-password') {
        const ok = await connectBluesky(handle.trim(), appPassword);
        // The password never outlives the call, whatever the answer.
        setAppPassword('');
        if (ok) onDone();
      } else {
        await connectOAuth(platform, method === 'instance' ? instanceUrl.trim() : undefined);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form aria-label="Connect an account" onSubmit={(e) => void submit(e)} className="space-y-4">
      <Field id="connect-platform" label="Platform">
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={platform}
            onChange={(e) => setPlatform(e.target.value as Platform)}
          >
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {platformLabel(p)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {method === 'instance' && (
        <Field
          id="connect-instance"
          label="Mastodon server"
          hint="The address of your server, e.g. https://mastodon.social"
        >
          {(control) => (
            <input
              {...control}
              className={inputClass}
              type="url"
              required
              placeholder="https://mastodon.social"
              value={instanceUrl}
              onChange={(e) => setInstanceUrl(e.target.value)}
            />
          )}
        </Field>
      )}
      {method === 'app-password' && (
        <>
          <Field id="connect-handle" label="Bluesky handle">
            {(control) => (
              <input
                {...control}
                className={inputClass}
                required
                autoComplete="username"
                placeholder="you.bsky.social"
                value={handle}
                onChange={(e) => setHandle(e.target.value)}
              />
            )}
          </Field>
          <Field id="connect-app-password" label="App password">
            {(control) => (
              <input
                {...control}
                className={inputClass}
                type="password"
                required
                autoComplete="off"
                value={appPassword}
                onChange={(e) => setAppPassword(e.target.value)}
              />
            )}
          </Field>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Make an app password in Bluesky under Settings → Privacy and security → App passwords (
            <a className="underline" href={BLUESKY_APP_PASSWORD_URL} target="_blank" rel="noopener noreferrer">
              bsky.app/settings/app-passwords
            </a>
            ). Never use your main password here; Cadence keeps only the session it gets back.
          </p>
        </>
      )}
      {method === 'oauth' && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {platformLabel(platform)}&apos;s sign-in page opens in your browser; come back here when you have allowed
          Cadence.
        </p>
      )}
      {connectError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {connectError}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={sending}>
          Connect
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}
