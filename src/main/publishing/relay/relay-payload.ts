import { ContractError } from '../../../shared/contract/errors';
import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import type { Db } from '../../db/database';
import { ConnectorError } from '../providers/connector';
import type { JobRepository, PublishJobRow } from '../queue/job.repository';
import type { TokensPort } from '../queue/ports';
import { buildRequest } from '../queue/publish-request';
import type { RelayPayload } from '../../../shared/sync-api/relay';

export interface RelayPayloadDeps {
  db: Db;
  jobs: JobRepository;
  dataDir: string;
  tokens: TokensPort;
}

/**
 * What the relay needs to publish a job, to be sealed: the account, its access token (never the
 * refresh token: the relay does not renew grants behind the device's back) and the post's text.
 * Refused (CONFLICT, in plain words) for posts with media, deleted posts, accounts that need a
 * reconnect, and tokens that expire before the post's time (the relay could not renew them).
 */
export async function buildRelayPayload(
  deps: RelayPayloadDeps,
  row: PublishJobRow,
  accountId: string,
): Promise<RelayPayload> {
  const label = PLATFORM_LABELS[row.platform as Platform];
  const built = await buildRequest(deps.db, deps.jobs, deps.dataDir, row.post_id, row.idempotency_key);
  if (!built || built.deleted) throw new ContractError('CONFLICT', 'The post was deleted.');
  if (built.request.media.length > 0) {
    throw new ContractError('CONFLICT', 'Posts with media are published from this device; the relay takes text posts.');
  }
  let context;
  try {
    context = await deps.tokens.context(accountId);
  } catch (error) {
    if (error instanceof ConnectorError) throw new ContractError('CONFLICT', error.message);
    throw error;
  }
  const { accessToken, expiresAt, scopes, extra } = context.token;
  if (expiresAt && Date.parse(expiresAt) <= Date.parse(row.due_at)) {
    throw new ContractError(
      'CONFLICT',
      `The ${label} sign-in expires before this post's time and the relay cannot renew it: keep Cadence open to publish it, or hand it over closer to its time.`,
    );
  }
  return {
    platform: row.platform as Platform,
    account: context.account,
    token: {
      accessToken,
      ...(expiresAt ? { expiresAt } : {}),
      ...(scopes ? { scopes } : {}),
      ...(extra ? { extra } : {}),
    },
    request: {
      parts: built.request.parts,
      ...(built.request.title ? { title: built.request.title } : {}),
      ...(built.request.tags && built.request.tags.length > 0 ? { tags: built.request.tags } : {}),
    },
  };
}
