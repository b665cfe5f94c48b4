import type { CloudProviderInfo } from '../../../shared/contract/llm-admin';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { ToneBadge } from './Badges';
import { isCloudId, useCloud } from './cloud.store';

/** One provider: key saved or not, a password field to save one (refusals show under it), Remove. */
export function CloudProviderRow({ provider }: { provider: CloudProviderInfo }) {
  const id = isCloudId(provider.id) ? provider.id : null;
  const value = useCloud((s) => (id ? (s.keys[id] ?? '') : ''));
  const error = useCloud((s) => (id ? s.keyErrors[id] : undefined));
  const busy = useCloud((s) => (id ? s.busy[id] : undefined));
  if (!id) return null;
  const { setKey, save, remove } = useCloud.getState();
  const label = `API key for ${provider.displayName}`;

  return (
    <li className="grid gap-3 py-4 first:pt-0 last:pb-0 md:grid-cols-[12rem_minmax(0,1fr)] md:items-start">
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{provider.displayName}</p>
        <ToneBadge tone={provider.hasKey ? 'ok' : 'idle'}>{provider.hasKey ? 'Key saved' : 'No key'}</ToneBadge>
        {provider.keyPage && (
          <a
            href={provider.keyPage}
            target="_blank"
            rel="noreferrer"
            className="block text-xs text-indigo-700 underline underline-offset-2 hover:text-indigo-600 dark:text-indigo-300"
          >
            Get a key<span className="sr-only"> from {provider.displayName} (opens in a new tab)</span>
          </a>
        )}
      </div>
      <form
        noValidate
        className="flex flex-wrap items-start gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void save(id);
        }}
      >
        <Field id={`ai-key-${id}`} label={label} error={error} className="min-w-56 flex-1">
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={provider.hasKey ? 'Paste a new key to replace the saved one' : 'Paste your key'}
              className={`${inputClass} font-mono`}
              value={value}
              onChange={(e) => setKey(id, e.target.value)}
            />
          )}
        </Field>
        <div className="mt-6.5 flex gap-2">
          <Button type="submit" disabled={busy !== undefined} aria-label={`Save the ${provider.displayName} key`}>
            {busy === 'saving' ? 'Checking…' : 'Save'}
          </Button>
          {provider.hasKey && (
            <Button
              variant="ghost"
              disabled={busy !== undefined}
              aria-label={`Remove the ${provider.displayName} key`}
              onClick={() => void remove(id)}
            >
              {busy === 'removing' ? 'Removing…' : 'Remove'}
            </Button>
          )}
        </div>
      </form>
    </li>
  );
}
