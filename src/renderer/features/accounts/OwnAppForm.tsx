import { type FormEvent, useState } from 'react';
import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { platformLabel } from '../../ui/platforms';
import { checkOwnAppInput, OWN_APP_GUIDES } from './own-app-guide';
import { useOwnApps } from './own-apps.store';

/**
 * The creator's own app for a platform: its id and secret. The secret is a password field that
 * is emptied after every save, whatever the answer, and is never shown back.
 */
export function OwnAppForm({
  platform,
  clientId: savedId,
  onDone,
}: {
  platform: ConfidentialPlatform;
  clientId: string | null;
  onDone: () => void;
}) {
  const guide = OWN_APP_GUIDES[platform];
  const [clientId, setClientId] = useState(savedId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [errors, setErrors] = useState<{ clientId?: string; clientSecret?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const busy = useOwnApps((s) => s.busyPlatform === platform);
  const name = platformLabel(platform);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkOwnAppInput(platform, clientId, clientSecret);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(null);
      return;
    }
    const outcome = await useOwnApps.getState().save(platform, checked.clientId, checked.clientSecret);
    setClientSecret('');
    if (outcome.ok) {
      onDone();
      return;
    }
    setErrors(outcome.fields);
    setFormError(outcome.fields.clientId || outcome.fields.clientSecret ? null : outcome.message);
  };

  return (
    <form
      aria-label={`Your own ${name} app`}
      noValidate
      onSubmit={(e) => void submit(e)}
      className="mt-2 space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-700"
    >
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Create an app at{' '}
        <a className="underline" href={guide.console.href} target="_blank" rel="noopener noreferrer">
          {guide.console.label}
        </a>
        , then copy its {guide.idLabel} and {guide.secretLabel} here. The secret goes to your system keychain, never to
        Cadence&apos;s database, and is not shown again.
      </p>
      <Field id={`own-app-${platform}-id`} label={guide.idLabel} error={errors.clientId}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            autoComplete="off"
            spellCheck={false}
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`own-app-${platform}-secret`}
        label={guide.secretLabel}
        error={errors.clientSecret}
        hint={savedId ? 'Enter the secret again to change the app; the saved one is never shown.' : undefined}
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={clientSecret}
            onChange={(e) => setClientSecret(e.target.value)}
          />
        )}
      </Field>
      {formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {formError}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" disabled={busy}>
          {busy ? 'Saving…' : `Save ${name} app`}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() => {
            setClientSecret('');
            onDone();
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
