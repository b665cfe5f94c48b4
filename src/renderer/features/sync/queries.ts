import type { CloudDevice, CloudPlan, SyncResult, SyncStatus } from '../../../shared/domain/sync';
import { getClient } from '../../client/client';

export const getStatus = (): Promise<SyncStatus> => getClient().invoke('sync:get-status', {});

export const setServerUrl = (serverUrl: string): Promise<SyncStatus> =>
  getClient().invoke('sync:set-server-url', { serverUrl });

export const signUp = (serverUrl: string, email: string, password: string): Promise<SyncStatus> =>
  getClient().invoke('sync:sign-up', { serverUrl, email, password });

export const signIn = (serverUrl: string, email: string, password: string): Promise<SyncStatus> =>
  getClient().invoke('sync:sign-in', { serverUrl, email, password });

export const signOut = (): Promise<SyncStatus> => getClient().invoke('sync:sign-out', {});

export const setPassphrase = (passphrase: string): Promise<SyncStatus> =>
  getClient().invoke('sync:set-passphrase', { passphrase });

export const unlock = (passphrase: string): Promise<SyncStatus> => getClient().invoke('sync:unlock', { passphrase });

export const changePassphrase = (oldPassphrase: string, newPassphrase: string): Promise<SyncStatus> =>
  getClient().invoke('sync:change-passphrase', { oldPassphrase, newPassphrase });

export const syncNow = (): Promise<SyncResult> => getClient().invoke('sync:sync-now', {});

export const getPlan = (): Promise<CloudPlan> => getClient().invoke('sync:get-plan', {});

export const listDevices = async (): Promise<CloudDevice[]> =>
  (await getClient().invoke('sync:list-devices', {})).devices;

export const revokeDevice = async (deviceId: string): Promise<CloudDevice[]> =>
  (await getClient().invoke('sync:revoke-device', { deviceId })).devices;

export const resendVerification = async (): Promise<void> => {
  await getClient().invoke('sync:resend-verification', {});
};

export const requestPasswordReset = async (serverUrl: string, email: string): Promise<void> => {
  await getClient().invoke('sync:request-password-reset', { serverUrl, email });
};

export const deleteAccount = (password: string): Promise<SyncStatus> =>
  getClient().invoke('sync:delete-account', { password, confirm: 'delete my account' });
