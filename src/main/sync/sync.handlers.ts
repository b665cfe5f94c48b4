import type { HandlerSlice } from '../contract/handlers';
import type { SyncService } from './sync.service';

/** Binds the sync:* channels to the service; inputs arrive parsed by the dispatcher. */
export function syncHandlers(sync: SyncService): HandlerSlice<'sync'> {
  return {
    'sync:get-status': () => sync.refreshStatus(),
    'sync:set-server-url': ({ serverUrl }) => sync.setServerUrl(serverUrl),
    'sync:sign-up': (input) => sync.signUp(input),
    'sync:sign-in': (input) => sync.signIn(input),
    'sync:sign-out': () => sync.signOut(),
    'sync:set-passphrase': ({ passphrase }) => sync.setPassphrase(passphrase),
    'sync:unlock': ({ passphrase }) => sync.unlock(passphrase),
    'sync:change-passphrase': ({ oldPassphrase, newPassphrase }) => sync.changePassphrase(oldPassphrase, newPassphrase),
    'sync:sync-now': () => sync.syncNow(),
    'sync:get-plan': () => sync.plan(),
    'sync:list-devices': async () => ({ devices: await sync.devices() }),
    'sync:revoke-device': async ({ deviceId }) => ({ devices: await sync.revokeDevice(deviceId) }),
    'sync:resend-verification': async () => {
      await sync.resendVerification();
      return {};
    },
    'sync:request-password-reset': async ({ email, serverUrl }) => {
      await sync.requestPasswordReset(email, serverUrl);
      return {};
    },
    'sync:delete-account': ({ password }) => sync.deleteAccount(password),
  };
}
