import { create } from 'zustand';
import type { AccountHealth, ConnectStart, ConnectStatus } from '../../../shared/domain/accounts';
import type { Platform } from '../../../shared/domain/platform';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { displayHandle } from './connect-method';
import {
  connectAppPassword,
  disconnectAccount,
  getConnectStatus,
  listAccounts,
  reconnectAccount,
  startConnect,
} from './queries';

/** How often a running sign-in is asked about (the loopback redirect lands in main). */
const POLL_MS = 1000;

interface AccountsState {
  accounts: AccountHealth[];
  loading: boolean;
  loadError: string | null;
  /** The running or last sign-in flow; null when none. */
  flow: { flowId: string; platform: Platform; status: ConnectStatus } | null;
  /** The error of the last start (a bad instance address, a platform not available). */
  connectError: string | null;
  busyAccountId: string | null;
  load: () => Promise<void>;
  connectOAuth: (platform: Platform, instanceUrl?: string) => Promise<void>;
  /** Sends the Bluesky app password; the password lives only in the form and this call. */
  connectBluesky: (handle: string, appPassword: string) => Promise<boolean>;
  reconnect: (account: AccountHealth) => Promise<void>;
  disconnect: (account: AccountHealth) => Promise<void>;
  /** Stops polling (the flow itself expires in main). */
  cancelFlow: () => void;
  clearFlow: () => void;
}

let pollTimer: ReturnType<typeof setTimeout> | null = null;

function stopPolling(): void {
  if (pollTimer !== null) clearTimeout(pollTimer);
  pollTimer = null;
}

/** Connected accounts with their token health, and the connect flow. */
export const useAccounts = create<AccountsState>()((set, get) => {
  const poll = (flowId: string) => {
    pollTimer = setTimeout(() => {
      void (async () => {
        if (get().flow?.flowId !== flowId) return;
        try {
          const status = await getConnectStatus(flowId);
          if (get().flow?.flowId !== flowId) return;
          set({ flow: { flowId, platform: status.platform, status } });
          if (status.state === 'pending') poll(flowId);
          else await get().load();
        } catch (error) {
          if (get().flow?.flowId !== flowId) return;
          const platform = get().flow!.platform;
          set({ flow: { flowId, platform, status: { state: 'failed', platform, reason: errorMessage(error) } } });
        }
      })();
    }, POLL_MS);
  };

  const follow = (platform: Platform, start: ConnectStart) => {
    stopPolling();
    set({
      flow: { flowId: start.flowId, platform, status: { state: 'pending', platform, expiresAt: start.expiresAt } },
      connectError: null,
    });
    // The sign-in page opens beside the app (Electron hands new windows to the system browser).
    window.open(start.authorizeUrl, '_blank', 'noopener,noreferrer');
    poll(start.flowId);
  };

  return {
    accounts: [],
    loading: false,
    loadError: null,
    flow: null,
    connectError: null,
    busyAccountId: null,

    load: async () => {
      set({ loading: true });
      try {
        set({ accounts: await listAccounts(), loadError: null });
      } catch (error) {
        set({ loadError: errorMessage(error) });
      } finally {
        set({ loading: false });
      }
    },

    connectOAuth: async (platform, instanceUrl) => {
      set({ connectError: null });
      try {
        follow(platform, await startConnect(platform, instanceUrl));
      } catch (error) {
        set({ connectError: errorMessage(error) });
      }
    },

    connectBluesky: async (handle, appPassword) => {
      set({ connectError: null });
      try {
        const account = await connectAppPassword(handle, appPassword);
        set({
          flow: {
            flowId: `bluesky:${account.id}`,
            platform: 'bluesky',
            status: { state: 'connected', platform: 'bluesky', accountId: account.id },
          },
        });
        await get().load();
        return true;
      } catch (error) {
        set({ connectError: errorMessage(error) });
        return false;
      }
    },

    reconnect: async (account) => {
      set({ busyAccountId: account.id, connectError: null });
      try {
        follow(account.platform, await reconnectAccount(account.id));
      } catch (error) {
        showToast({ kind: 'error', message: `Could not reconnect: ${errorMessage(error)}` });
      } finally {
        set({ busyAccountId: null });
      }
    },

    disconnect: async (account) => {
      set({ busyAccountId: account.id });
      try {
        await disconnectAccount(account.id);
        showToast({ kind: 'success', message: `Disconnected ${displayHandle(account.handle)}` });
        await get().load();
      } catch (error) {
        showToast({ kind: 'error', message: `Could not disconnect: ${errorMessage(error)}` });
      } finally {
        set({ busyAccountId: null });
      }
    },

    cancelFlow: () => {
      stopPolling();
      set({ flow: null });
    },

    clearFlow: () => {
      stopPolling();
      set({ flow: null, connectError: null });
    },
  };
});
