import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { TestSyncServer, TestUser } from '../../../test/support/sync-server';
import { type CreateRelayJob, type RelayPayload, relaySealContext } from '../../shared/sync-api/relay';
import { sealForRelay } from '../../main/publishing/relay/relay-seal';

/** A fresh 2048-bit relay key pair (PEM), as an operator would put in RELAY_PRIVATE_KEY. */
export function relayKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A Mastodon payload for the relay: the peer's origin as the instance, its token, one text part. */
export function mastodonPayload(input: {
  origin: string;
  accountId: string;
  token: string;
  text: string;
}): RelayPayload {
  return {
    platform: 'mastodon',
    account: { id: 'local-account', handle: '@creator', externalId: input.accountId, instanceUrl: input.origin },
    token: { accessToken: input.token },
    request: { parts: [input.text] },
  };
}

/** A hand-off body sealed for this user and key, as the desktop's RelayClient builds it. */
export function relayJobBody(
  publicPem: string,
  user: { userId: string },
  payload: RelayPayload,
  options: { idempotencyKey?: string; dueAt?: Date } = {},
): CreateRelayJob {
  const idempotencyKey = options.idempotencyKey ?? `job-${randomUUID()}`;
  const context = relaySealContext({ userId: user.userId, idempotencyKey, platform: payload.platform });
  return {
    idempotencyKey,
    platform: payload.platform,
    dueAt: (options.dueAt ?? new Date(Date.now() + 86_400_000)).toISOString(),
    sealed: sealForRelay(publicPem, payload, context),
  };
}

export async function postRelayJob(server: TestSyncServer, user: TestUser, body: unknown): Promise<Response> {
  return fetch(`${server.url}/v1/relay/jobs`, { method: 'POST', headers: user.headers, body: JSON.stringify(body) });
}
