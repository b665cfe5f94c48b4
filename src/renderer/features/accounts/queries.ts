import type { AccountHealth, ConnectStart, ConnectStatus, OwnApp, SignInOption } from '../../../shared/domain/accounts';
import type { Platform } from '../../../shared/domain/platform';
import type { ConfidentialPlatform } from '../../../shared/sync-api/oauth';
import { getClient } from '../../client/client';

export function listAccounts(): Promise<AccountHealth[]> {
  return getClient().invoke('accounts:list-accounts', {});
}

export function startConnect(platform: Platform, instanceUrl?: string): Promise<ConnectStart> {
  return getClient().invoke('accounts:start-connect', instanceUrl ? { platform, instanceUrl } : { platform });
}

export function getConnectStatus(flowId: string): Promise<ConnectStatus> {
  return getClient().invoke('accounts:get-connect-status', { flowId });
}

export function connectAppPassword(handle: string, appPassword: string): Promise<AccountHealth> {
  return getClient().invoke('accounts:connect-app-password', { handle, appPassword });
}

export function reconnectAccount(accountId: string): Promise<ConnectStart> {
  return getClient().invoke('accounts:reconnect', { accountId });
}

export function disconnectAccount(accountId: string): Promise<AccountHealth> {
  return getClient().invoke('accounts:disconnect', { accountId });
}

/** Per platform: how Cadence signs in now (own app, Cadence sync, public client…) or why it cannot. */
export function listSignInOptions(): Promise<SignInOption[]> {
  return getClient().invoke('accounts:list-sign-in-options', {});
}

/** The creator's own platform apps (client ids only; secrets stay in the keychain). */
export function listOwnApps(): Promise<OwnApp[]> {
  return getClient().invoke('accounts:list-own-apps', {});
}

/** Saves the creator's own app; the secret goes to main once and is never read back. */
export function saveOwnApp(platform: ConfidentialPlatform, clientId: string, clientSecret: string): Promise<OwnApp> {
  return getClient().invoke('accounts:save-own-app', { platform, clientId, clientSecret });
}

export function removeOwnApp(platform: ConfidentialPlatform): Promise<{ removed: boolean }> {
  return getClient().invoke('accounts:remove-own-app', { platform });
}
