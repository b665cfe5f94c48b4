import { PageHeader } from '../../ui/PageHeader';
import { AppearanceSettings } from './AppearanceSettings';
import { DataSettings } from './DataSettings';
import { ProfileSettings } from './ProfileSettings';
import { SyncLinkCard } from './SyncLinkCard';

export default function SettingsPage() {
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description="Your profile, how Cadence looks, sync, and your data." />
      <div className="space-y-6">
        <ProfileSettings />
        <AppearanceSettings />
        <SyncLinkCard />
        <DataSettings />
      </div>
    </div>
  );
}
