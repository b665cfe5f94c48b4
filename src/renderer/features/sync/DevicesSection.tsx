import { useState } from 'react';
import type { CloudDevice } from '../../../shared/domain/sync';
import { Button } from '../../ui/Button';
import { formatDateTime, formatRelative } from '../../ui/format';
import { EmptyNote, SectionCard } from '../../ui/SectionCard';
import { useSync } from './sync.store';

/** Devices signed in to the account; revoke one that is lost or no longer used. */
export function DevicesSection() {
  const devices = useSync((s) => s.devices);
  const active = devices.filter((d) => d.revokedAt === null);
  return (
    <SectionCard
      title="Devices"
      description="Computers signed in to your account. Revoke one you no longer use or have lost: it is signed out at once."
    >
      {active.length === 0 ? (
        <EmptyNote>Loading devices…</EmptyNote>
      ) : (
        <ul aria-label="Signed-in devices" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {active.map((device) => (
            <DeviceRow key={device.id} device={device} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function DeviceRow({ device }: { device: CloudDevice }) {
  const [confirming, setConfirming] = useState(false);
  const busy = useSync((s) => s.busy === `revoke:${device.id}`);
  const label = device.current ? `${device.name} (this computer)` : device.name;
  return (
    <li aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0">
        <p className="font-medium">{label}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {device.platform} · added {formatDateTime(device.createdAt)} ·{' '}
          {device.lastSeenAt ? `last seen ${formatRelative(device.lastSeenAt)}` : 'not seen since sign-in'}
        </p>
      </div>
      {confirming ? (
        <div className="flex items-center gap-2">
          <span className="text-sm">{device.current ? 'Sign this computer out?' : `Sign ${device.name} out?`}</span>
          <Button
            size="sm"
            variant="danger"
            disabled={busy}
            onClick={() =>
              void useSync
                .getState()
                .revokeDevice(device)
                .then(() => setConfirming(false))
            }
          >
            Revoke
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" aria-label={`Revoke ${device.name}`} onClick={() => setConfirming(true)}>
          Revoke
        </Button>
      )}
    </li>
  );
}
