import { useEffect, useState } from 'react';
import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import { getClient } from '../../client/client';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { platformLabel } from '../../ui/platforms';
import { EmptyNote, SectionCard, SectionError } from '../../ui/SectionCard';
import { ToneBadge } from '../publishing/ToneBadge';
import { OwnAppForm } from './OwnAppForm';
import { OWN_APP_GUIDES } from './own-app-guide';
import { useOwnApps } from './own-apps.store';
import { isConfidential, type SignInRow, signInRows } from './sign-in-text';

/**
 * "How Cadence signs in": per platform, whether sign-in goes through the creator's own app,
 * Cadence's app via sync, a public client, or is not available and why; and the own-app forms.
 */
export function SignInOptionsSection() {
  const options = useOwnApps((s) => s.options);
  const apps = useOwnApps((s) => s.apps);
  const loaded = useOwnApps((s) => s.loaded);
  const error = useOwnApps((s) => s.error);
  const [editing, setEditing] = useState<ConfidentialPlatform | null>(null);

  useEffect(() => {
    const { load } = useOwnApps.getState();
    void load();
    // Signing in to sync or connecting an account can change which route each platform takes.
    return getClient().on('accounts:changed', () => void load());
  }, []);

  return (
    <SectionCard
      title="How Cadence signs in"
      description="Some platforms want an app secret at sign-in. Cadence uses your own app when you add one, else Cadence's app through sync."
    >
      {error ? (
        <SectionError message={error} onRetry={() => void useOwnApps.getState().load()} />
      ) : !loaded ? (
        <EmptyNote>Loading…</EmptyNote>
      ) : (
        <ul aria-label="Sign-in by platform" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {signInRows(options, apps).map((row) => (
            <SignInLine
              key={row.platform}
              row={row}
              editing={editing === row.platform}
              onEdit={(open) => setEditing(open && isConfidential(row.platform) ? row.platform : null)}
            />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function SignInLine({ row, editing, onEdit }: { row: SignInRow; editing: boolean; onEdit: (open: boolean) => void }) {
  const busy = useOwnApps((s) => s.busyPlatform === row.platform);
  const name = platformLabel(row.platform);
  const platform = isConfidential(row.platform) ? row.platform : null;
  return (
    <li aria-label={`${name} sign-in`} className="py-3">
      <div className="flex flex-wrap items-center gap-2">
        <PlatformBadge platform={row.platform} />
        <ToneBadge tone={row.tone}>{row.viaText}</ToneBadge>
        {platform && !editing && (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => onEdit(true)}>
            {row.ownApp ? `Change your ${name} app` : 'Use your own app'}
          </Button>
        )}
        {platform && row.ownApp && !editing && (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => void useOwnApps.getState().remove(platform)}>
            {`Remove your ${name} app`}
          </Button>
        )}
      </div>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{row.detail}</p>
      {platform && row.ownApp && (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Your {OWN_APP_GUIDES[platform].maker} app: {OWN_APP_GUIDES[platform].idLabel} {row.ownApp.clientId}, saved{' '}
          {formatDateTime(row.ownApp.savedAt)}
        </p>
      )}
      {platform && editing && (
        <OwnAppForm platform={platform} clientId={row.ownApp?.clientId ?? null} onDone={() => onEdit(false)} />
      )}
    </li>
  );
}
