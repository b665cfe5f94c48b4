import type { AccountHealth, ConnectStart, ConnectStatus } from '../../../shared/domain/accounts';
import type { Platform } from '../../../shared/domain/platform';
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
