import { useEffect } from 'react';
import { create } from 'zustand';
import type { RelayStatus } from '../../../shared/contract/relay';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { getRelayStatus, setRelayAccount } from './queries';

interface RelayState {
  /** Null until loaded (and when loading failed: the relay's buttons stay hidden then). */
  status: RelayStatus | null;
  busyAccountId: string | null;
  load: () => Promise<void>;
  setAccount: (accountId: string, enabled: boolean) => Promise<void>;
}

/** One status call however many job lines mount together. */
let loading: Promise<void> | null = null;

/** Whether this device can use the publish relay, and the accounts opted in. */
export const useRelay = create<RelayState>()((set) => ({
  status: null,
  busyAccountId: null,

  load: () => {
    loading ??= (async () => {
      try {
        set({ status: await getRelayStatus() });
      } catch {
        // Without a status the relay simply offers nothing (its actions stay hidden).
        set({ status: null });
      } finally {
        loading = null;
      }
    })();
    return loading;
  },

  setAccount: async (accountId, enabled) => {
    set({ busyAccountId: accountId });
    try {
      set({ status: await setRelayAccount(accountId, enabled) });
    } catch (error) {
      showToast({ kind: 'error', message: `Could not change the relay setting: ${errorMessage(error)}` });
    } finally {
      set({ busyAccountId: null });
    }
  },
}));

/** The relay status, loaded when a component that needs it first shows (sign-in may have changed). */
export function useRelayStatus(): RelayStatus | null {
  useEffect(() => {
    void useRelay.getState().load();
  }, []);
  return useRelay((s) => s.status);
}
