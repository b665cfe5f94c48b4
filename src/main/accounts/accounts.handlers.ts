import type { HandlerSlice } from '../contract/handlers';
import type { AccountsService } from './accounts.service';

/** Binds the accounts channels to the service (inputs are already parsed by the dispatcher). */
export function accountsHandlers(service: AccountsService): HandlerSlice<'accounts'> {
  return {
    'accounts:start-connect': (input) => service.startConnect(input.platform, input.instanceUrl ?? null),
    'accounts:get-connect-status': (input) => service.connectStatus(input.flowId),
    'accounts:connect-app-password': (input) =>
      service.connectAppPassword(input.handle, input.appPassword, input.service),
    'accounts:list-accounts': () => service.listAccounts(),
    'accounts:reconnect': (input) => service.reconnect(input.accountId),
    'accounts:disconnect': (input) => service.disconnect(input.accountId),
    'accounts:list-sign-in-options': () => service.listSignInOptions(),
    'accounts:list-own-apps': () => service.listOwnApps(),
    'accounts:save-own-app': (input) => service.saveOwnApp(input.platform, input.clientId, input.clientSecret),
    'accounts:remove-own-app': (input) => service.removeOwnApp(input.platform),
  };
}
