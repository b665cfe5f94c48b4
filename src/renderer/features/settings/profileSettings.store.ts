import { create } from 'zustand';
import { errorMessage } from '../../ui/errors';
import { profileToForm } from '../onboarding/profileForm';
import { useProfileForm } from '../onboarding/profileForm.store';
import { getProfile } from './queries';

interface ProfileSettingsState {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Loads the saved profile into the shared profile form. */
  load: () => Promise<void>;
}

export const useProfileSettings = create<ProfileSettingsState>()((set) => ({
  status: 'loading',
  error: null,
  load: async () => {
    set({ status: 'loading', error: null });
    try {
      const profile = await getProfile();
      useProfileForm.getState().reset(profile ? profileToForm(profile) : undefined);
      set({ status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
