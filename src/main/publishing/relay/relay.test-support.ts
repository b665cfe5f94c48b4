import { randomUUID } from 'node:crypto';
import type { MastodonPeer } from '../../../../test/peers/mastodon/server';
import type { TestCore } from '../../../../test/support/test-core';

/** A connected Mastodon account row for the peer's account, as a real connect leaves it. */
export async function insertMastodonAccount(t: TestCore, peer: MastodonPeer): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now().toISOString();
  await t.core.database.db
    .insertInto('accounts')
    .values({
      id,
      platform: 'mastodon',
      handle: '@creator',
      display_name: 'Creator',
      source: 'connected',
      token_status: 'valid',
      created_at: now,
      updated_at: now,
      external_id: peer.account.id,
      instance_url: peer.origin,
      token_expires_at: null,
      token_checked_at: null,
      status_detail: null,
    })
    .execute();
  return id;
}
