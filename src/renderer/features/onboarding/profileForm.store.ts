import { create } from 'zustand';
import type { Profile } from '../../../shared/domain/profile';
import { getClient } from '../../client/client';
import { errorMessage, fieldIssuesOf } from '../../ui/errors';
import { todayIn } from '../../ui/format';
import { ALL_PLATFORMS } from '../../ui/platforms';
import { emptyProfileForm, formToProfile, systemTimezone, type ProfileFormValues } from './profileForm';
import {
  FIELD_OF_VALUE,
  mapIssues,
  summaryOf,
  validateProfileForm,
  type ProfileErrors,
  type SummaryItem,
} from './profileValidation';

interface ProfileFormState {
  values: ProfileFormValues;
  errors: ProfileErrors;
  summary: SummaryItem[];
  submitting: boolean;
  /** Bumped on every failed submit so the summary can take focus again. */
  failedAttempts: number;
  reset: (values?: ProfileFormValues) => void;
  setValue: <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => void;
  /** Validates, then saves; resolves to the saved profile, or null with errors shown. */
  submit: () => Promise<Profile | null>;
}

function freshValues(): ProfileFormValues {
  const timezone = systemTimezone();
  return emptyProfileForm(timezone, todayIn(timezone));
}

/** The profile form used by onboarding and Settings. Errors never clear what was typed. */
export const useProfileForm = create<ProfileFormState>()((set, get) => ({
  values: freshValues(),
  errors: {},
  summary: [],
  submitting: false,
  failedAttempts: 0,
  reset: (values) => set({ values: values ?? freshValues(), errors: {}, summary: [], submitting: false }),
  setValue: (key, value) => {
    const field = FIELD_OF_VALUE[key];
    const { errors, summary, values } = get();
    const rest = { ...errors };
    delete rest[field];
    set({
      values: { ...values, [key]: value },
      errors: rest,
      summary: summary.filter((item) => item.field !== field),
    });
  },
  submit: async () => {
    const { values, failedAttempts } = get();
    const local = validateProfileForm(values, todayIn(values.timezone || undefined));
    if (Object.keys(local).length > 0) {
      set({ errors: local, summary: summaryOf(local), failedAttempts: failedAttempts + 1 });
      return null;
    }
    set({ submitting: true, errors: {}, summary: [] });
    try {
      const saved = await getClient().invoke('profile:save-profile', formToProfile(values, ALL_PLATFORMS));
      set({ submitting: false });
      return saved;
    } catch (error) {
      const { errors, summary } = mapIssues(fieldIssuesOf(error));
      set({
        submitting: false,
        errors,
        summary: summary.length > 0 ? summary : [{ message: errorMessage(error) }],
        failedAttempts: failedAttempts + 1,
      });
      return null;
    }
  },
}));
