import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import type { AuthEvent } from './auth-metrics';

/** What the account routes share: the server context and the instance's auth-event counter. */
export interface AccountsEnv {
  context: ServerContext;
  record(event: AuthEvent): void;
  /** Runs a sign-in, counting refusals for the device limit. */
  signingIn<T>(work: () => Promise<T>): Promise<T>;
}

export function createAccountsEnv(context: ServerContext, record: (event: AuthEvent) => void): AccountsEnv {
  return {
    context,
    record,
    async signingIn(work) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'device_limit') record('device_limit');
        throw error;
      }
    },
  };
}
