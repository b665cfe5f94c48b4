import { create } from 'zustand';
import type { CloudDevice, CloudPlan, SyncStatus } from '../../../shared/domain/sync';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import * as api from './queries';

type Busy =
  | 'sign-in'
  | 'sign-up'
  | 'sign-out'
  | 'passphrase'
  | 'change-passphrase'
  | 'sync'
  | 'resend'
  | 'reset'
  | 'delete'
  | `revoke:${string}`
  | null;

interface SyncState {
  status: SyncStatus | null;
  plan: CloudPlan | null;
  devices: CloudDevice[];
  loadError: string | null;
  /** The error of the last action, shown next to the form that caused it. */
  actionError: { action: Exclude<Busy, null>; message: string } | null;
  busy: Busy;
  load: () => Promise<void>;
  /** Plan and devices; only while signed in. */
  loadAccount: () => Promise<void>;
  applyStatus: (status: SyncStatus) => void;
  signIn: (mode: 'sign-in' | 'sign-up', serverUrl: string, email: string, password: string) => Promise<boolean>;
  signOut: () => Promise<void>;
  setPassphrase: (passphrase: string) => Promise<boolean>;
  unlock: (passphrase: string) => Promise<boolean>;
  changePassphrase: (oldPassphrase: string, newPassphrase: string) => Promise<boolean>;
  syncNow: () => Promise<void>;
  revokeDevice: (device: CloudDevice) => Promise<void>;
  resendVerification: () => Promise<void>;
  requestPasswordReset: (serverUrl: string, email: string) => Promise<void>;
  deleteAccount: (password: string) => Promise<boolean>;
}

/** The Sync page: the account, the passphrase step, engine status, devices and plan. */
export const useSync = create<SyncState>()((set, get) => {
  /** Runs one action with its busy flag; its error lands in actionError. Returns whether it worked. */
  const run = async (action: Exclude<Busy, null>, work: () => Promise<void>): Promise<boolean> => {
    set({ busy: action, actionError: null });
    try {
      await work();
      return true;
    } catch (error) {
      set({ actionError: { action, message: errorMessage(error) } });
      return false;
    } finally {
      set({ busy: null });
    }
  };

  return {
    status: null,
    plan: null,
    devices: [],
    loadError: null,
    actionError: null,
    busy: null,

    load: async () => {
      try {
        get().applyStatus(await api.getStatus());
        set({ loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },

    loadAccount: async () => {
      if (!get().status?.account) return;
      try {
        const [plan, devices] = await Promise.all([api.getPlan(), api.listDevices()]);
        set({ plan, devices });
      } catch (error) {
        // The status section already says when the server cannot be reached; keep what we had.
        set({ loadError: get().status?.account ? errorMessage(error) : null });
      }
    },

    applyStatus: (status) => {
      const wasSignedIn = Boolean(get().status?.account);
      set({ status });
      if (!status.account) set({ plan: null, devices: [] });
      else if (!wasSignedIn) void get().loadAccount();
    },

    signIn: (mode, serverUrl, email, password) =>
      run(mode, async () => {
        const call = mode === 'sign-up' ? api.signUp : api.signIn;
        get().applyStatus(await call(serverUrl, email, password));
      }),

    signOut: async () => {
      await run('sign-out', async () => get().applyStatus(await api.signOut()));
    },

    setPassphrase: (passphrase) =>
      run('passphrase', async () => get().applyStatus(await api.setPassphrase(passphrase))),

    unlock: (passphrase) => run('passphrase', async () => get().applyStatus(await api.unlock(passphrase))),

    changePassphrase: (oldPassphrase, newPassphrase) =>
      run('change-passphrase', async () => {
        get().applyStatus(await api.changePassphrase(oldPassphrase, newPassphrase));
        showToast({ kind: 'success', message: 'Passphrase changed. Your other devices keep syncing.' });
      }),

    syncNow: async () => {
      await run('sync', async () => {
        const result = await api.syncNow();
        showToast({
          kind: 'success',
          message: `Synced: ${result.pushed} sent, ${result.pulled} received${result.conflictsResolved > 0 ? `, ${result.conflictsResolved} merged` : ''}`,
        });
        get().applyStatus(await api.getStatus());
        // This device's "last seen" moved; the list shows it.
        await get().loadAccount();
      });
    },

    revokeDevice: async (device) => {
      await run(`revoke:${device.id}`, async () => {
        const devices = await api.revokeDevice(device.id);
        set({ devices });
        showToast({ kind: 'success', message: `${device.name} is signed out of your account.` });
        if (device.current) get().applyStatus(await api.getStatus());
      });
    },

    resendVerification: async () => {
      await run('resend', async () => {
        await api.resendVerification();
        showToast({ kind: 'success', message: 'Verification email sent. Open the link in it to confirm.' });
      });
    },

    requestPasswordReset: async (serverUrl, email) => {
      await run('reset', async () => {
        await api.requestPasswordReset(serverUrl, email);
        showToast({ kind: 'info', message: `If ${email} has an account, a reset link is on its way.` });
      });
    },

    deleteAccount: (password) =>
      run('delete', async () => {
        get().applyStatus(await api.deleteAccount(password));
        showToast({ kind: 'success', message: 'Your Cadence account is deleted. Everything on this computer stays.' });
      }),
  };
});
