import { PageHeader } from '../../ui/PageHeader';
import { AppearanceSettings } from './AppearanceSettings';
import { DataSettings } from './DataSettings';
import { ProfileSettings } from './ProfileSettings';

export default function SettingsPage() {
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description="Your profile, how Cadence looks, and your data." />
      <div className="space-y-6">
        <ProfileSettings />
        <AppearanceSettings />
        <DataSettings />
      </div>
    </div>
  );
}
