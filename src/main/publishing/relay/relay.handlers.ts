import { ContractError } from '../../../shared/contract/errors';
import type { RelayStatus } from '../../../shared/contract/relay';
import type { Platform } from '../../../shared/domain/platform';
import type { HandlerSlice } from '../../contract/handlers';
import type { Db } from '../../db/database';
import type { CloudSession } from '../../sync/account/cloud-session';
import { toJob } from '../queue/job.repository';
import type { RelayClient } from './relay-client';

export interface RelayHandlerDeps {
  client: RelayClient;
  /** The sync domain's session (absent while the core is still wiring). */
  session: () => CloudSession | undefined;
  db: Db;
}

/** Said whenever a relay action needs an account: the relay runs on the Cadence sync service. */
export const RELAY_SIGN_IN_MESSAGE =
  'The publish relay runs on Cadence sync: sign in to Cadence sync in Settings → Sync first.';

/** Binds the relay:* channels to the relay client; inputs arrive parsed by the dispatcher. */
export function relayHandlers(deps: RelayHandlerDeps): HandlerSlice<'relay'> {
  const { client } = deps;

  /** The signed-in account, after the stored session has been read. */
  const signedIn = async () => {
    const session = deps.session();
    if (!session) return null;
    await session.load();
    return session.current();
  };
  const requireSignedIn = async (): Promise<void> => {
    if (!(await signedIn())) throw new ContractError('UNAUTHORIZED', RELAY_SIGN_IN_MESSAGE);
  };

  const status = async (): Promise<RelayStatus> => {
    const account = await signedIn();
    const accountIds = await client.relayAccounts();
    const platforms =
      accountIds.length === 0
        ? []
        : await deps.db
            .selectFrom('accounts')
            .select('platform')
            .distinct()
            .where('id', 'in', accountIds)
            .execute()
            .then((rows) => rows.map((r) => r.platform as Platform));
    return { signedIn: account !== null, email: account?.email ?? null, accountIds, platforms };
  };

  return {
    'relay:status': () => status(),
    'relay:set-account': async ({ accountId, enabled }) => {
      // Turning the relay off always works; turning it on needs the account it runs under.
      if (enabled) await requireSignedIn();
      const account = await deps.db
        .selectFrom('accounts')
        .select(['source'])
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!account) throw new ContractError('NOT_FOUND', 'No such account');
      if (enabled && account.source !== 'connected') {
        throw new ContractError('CONFLICT', 'Only a connected account can publish through the relay.');
      }
      await client.setAccountRelay(accountId, enabled);
      return status();
    },
    'relay:hand-off': async ({ jobId }) => {
      await requireSignedIn();
      return toJob(await client.handOff(jobId));
    },
    'relay:take-back': async ({ jobId }) => {
      await requireSignedIn();
      return toJob(await client.takeBack(jobId));
    },
    'relay:pull-now': async () => {
      await requireSignedIn();
      const { settled } = await client.pullResults();
      const { handed } = await client.handOffEligible();
      return { settled, handed: handed.length };
    },
  };
}
