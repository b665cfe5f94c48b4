import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useApp } from '../../app/app.store';
import { showToast } from '../../ui/toasts.store';
import { ProfileForm } from './ProfileForm';
import { useProfileForm } from './profileForm.store';

/** First launch: the creator describes themselves, then lands on the dashboard. */
export default function OnboardingPage() {
  const navigate = useNavigate();
  const markOnboarded = useApp((s) => s.markOnboarded);
  const reset = useProfileForm((s) => s.reset);

  useEffect(() => {
    reset();
  }, [reset]);

  return (
    <div className="rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-8">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Welcome to Cadence</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Tell us a little about your work. Everything stays on this computer.
        </p>
      </div>
      <ProfileForm
        submitLabel="Start using Cadence"
        onSaved={(profile) => {
          markOnboarded();
          showToast({ kind: 'success', message: `Welcome to Cadence, ${profile.name}!` });
          void navigate('/', { replace: true });
        }}
      />
    </div>
  );
}
