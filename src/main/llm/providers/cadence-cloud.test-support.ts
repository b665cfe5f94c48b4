import { OPENAI_PEER_KEY, startOpenAiPeer } from '../../../../test/peers/openai/server';
import type { ChatPeer } from '../../../../test/peers/shared/chat-completions-peer';
import { startTestSyncServer, type TestSyncServer, type TestUser } from '../../../../test/support/sync-server';
import { usagePeriod } from '../../../server/tiers/entitlements';
import { usageOf } from '../../../server/usage/usage-meter';
import type { CadenceCloudAccess } from './cadence-cloud.access';

/** The model the test server offers; the OpenAI peer knows it. */
export const OFFERED_MODEL = 'gpt-5.4-mini';

export interface CloudRig {
  peer: ChatPeer;
  server: TestSyncServer;
  close(): Promise<void>;
}

/** A real sync service on PostgreSQL whose cloud-AI upstream is the OpenAI protocol peer. */
export async function startCloudRig(): Promise<CloudRig> {
  const peer = await startOpenAiPeer();
  const server = await startTestSyncServer({
    AI_UPSTREAM_URL: peer.baseURL,
    AI_UPSTREAM_KEY: OPENAI_PEER_KEY,
    AI_DEFAULT_MODEL: OFFERED_MODEL,
  });
  return {
    peer,
    server,
    close: async () => {
      await server.close();
      await peer.close();
    },
  };
}

/** What the sync session would hand the provider for this signed-in device; counts its calls. */
export function accessFor(server: TestSyncServer, user: TestUser | null): CadenceCloudAccess & { calls: number } {
  const access = Object.assign(
    async () => {
      access.calls += 1;
      return user ? { baseUrl: server.url, token: user.accessToken } : null;
    },
    { calls: 0 },
  );
  return access;
}

export function tokensUsed(server: TestSyncServer, user: TestUser): Promise<number> {
  return usageOf(server.database.db, user.userId, 'ai_tokens', usagePeriod(new Date()));
}
