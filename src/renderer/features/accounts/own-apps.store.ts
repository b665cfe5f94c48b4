import { create } from 'zustand';
import type { OwnApp, SignInOption } from '../../../shared/domain/accounts';
import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import { errorMessage, fieldIssuesOf, issuesByField } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { platformLabel } from '../../ui/platforms';
import { listOwnApps, listSignInOptions, removeOwnApp, saveOwnApp } from './queries';

/** A save's answer for the form: done, or what to show beside which field. */
export type SaveOutcome =
  { ok: true } | { ok: false; message: string; fields: { clientId?: string; clientSecret?: string } };

interface OwnAppsState {
  options: SignInOption[];
  apps: OwnApp[];
  loaded: boolean;
  error: string | null;
  busyPlatform: ConfidentialPlatform | null;
  load: () => Promise<void>;
  save: (platform: ConfidentialPlatform, clientId: string, clientSecret: string) => Promise<SaveOutcome>;
  remove: (platform: ConfidentialPlatform) => Promise<void>;
}

/**
 * "How Cadence signs in" and the creator's own apps. Secrets pass through `save` once and are
 * never kept here: the store holds client ids only.
 */
export const useOwnApps = create<OwnAppsState>()((set, get) => ({
  options: [],
  apps: [],
  loaded: false,
  error: null,
  busyPlatform: null,

  load: async () => {
    try {
      const [options, apps] = await Promise.all([listSignInOptions(), listOwnApps()]);
      set({ options, apps, loaded: true, error: null });
    } catch (error) {
      set({ error: errorMessage(error), loaded: true });
    }
  },

  save: async (platform, clientId, clientSecret) => {
    set({ busyPlatform: platform });
    try {
      await saveOwnApp(platform, clientId, clientSecret);
      showToast({ kind: 'success', message: `Saved your own ${platformLabel(platform)} app` });
      await get().load();
      return { ok: true };
    } catch (error) {
      const fields = issuesByField(fieldIssuesOf(error), 1);
      return {
        ok: false,
        message: errorMessage(error),
        fields: {
          ...(fields.clientId ? { clientId: fields.clientId } : {}),
          ...(fields.clientSecret ? { clientSecret: fields.clientSecret } : {}),
        },
      };
    } finally {
      set({ busyPlatform: null });
    }
  },

  remove: async (platform) => {
    set({ busyPlatform: platform });
    try {
      const { removed } = await removeOwnApp(platform);
      showToast({
        kind: 'success',
        message: removed
          ? `Removed your own ${platformLabel(platform)} app`
          : `There was no own ${platformLabel(platform)} app to remove`,
      });
      await get().load();
    } catch (error) {
      showToast({ kind: 'error', message: `Could not remove the app: ${errorMessage(error)}` });
    } finally {
      set({ busyPlatform: null });
    }
  },
}));
