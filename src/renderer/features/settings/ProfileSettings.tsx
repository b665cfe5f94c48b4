import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Spinner } from '../../ui/Spinner';
import { showToast } from '../../ui/toasts.store';
import { ProfileForm } from '../onboarding/ProfileForm';
import { useProfileSettings } from './profileSettings.store';

/** The onboarding form again, filled with the saved profile. */
export function ProfileSettings() {
  const { status, error, load } = useProfileSettings();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card title="Profile">
      {status === 'loading' && <Spinner label="Loading profile…" />}
      {status === 'error' && (
        <div role="alert" className="space-y-3 text-sm text-red-700 dark:text-red-400">
          <p>Could not load your profile: {error}</p>
          <Button onClick={() => void load()}>Try again</Button>
        </div>
      )}
      {status === 'ready' && (
        <ProfileForm
          submitLabel="Save profile"
          onSaved={() => showToast({ kind: 'success', message: 'Profile saved' })}
          secondaryAction={
            <Button variant="ghost" onClick={() => void load()}>
              Discard changes
            </Button>
          }
        />
      )}
    </Card>
  );
}
