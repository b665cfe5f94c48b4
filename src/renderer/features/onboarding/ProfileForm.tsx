import type { FormEvent, ReactNode } from 'react';
import type { Profile } from '../../../shared/domain/profile';
import { Button } from '../../ui/Button';
import { AboutFields } from './AboutFields';
import { CadenceFields } from './CadenceFields';
import { ErrorSummary } from './ErrorSummary';
import { FormSection } from './FormSection';
import { GoalFields } from './GoalFields';
import { PlatformFields } from './PlatformFields';
import { useProfileForm } from './profileForm.store';

interface ProfileFormProps {
  submitLabel: string;
  onSaved: (profile: Profile) => void;
  /** Shown beside the submit button (e.g. a Cancel in Settings). */
  secondaryAction?: ReactNode;
}

/** The creator profile form, shared by onboarding and Settings; state lives in useProfileForm. */
export function ProfileForm({ submitLabel, onSaved, secondaryAction }: ProfileFormProps) {
  const summary = useProfileForm((s) => s.summary);
  const attempt = useProfileForm((s) => s.failedAttempts);
  const submitting = useProfileForm((s) => s.submitting);
  const submit = useProfileForm((s) => s.submit);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await submit();
    if (saved) onSaved(saved);
  };

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-8" aria-label="Profile">
      <ErrorSummary items={summary} attempt={attempt} />
      <FormSection title="About you" description="Used to greet you and to tailor suggestions.">
        <AboutFields />
      </FormSection>
      <FormSection title="Where you publish" description="Compose shows character counts for these.">
        <PlatformFields />
      </FormSection>
      <FormSection title="Goal" description="One clear target with a date keeps you honest.">
        <GoalFields />
      </FormSection>
      <FormSection title="Posting cadence" description="The dashboard tracks each week against this plan.">
        <CadenceFields />
      </FormSection>
      <div className="flex items-center justify-end gap-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
        {secondaryAction}
        <Button type="submit" variant="primary" disabled={submitting}>
          {submitting ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
