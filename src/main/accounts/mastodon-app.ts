import { z } from 'zod';
import { ContractError } from '../../shared/contract/errors';
import type { TokenStore, MastodonApp } from './token-store';

/** What Cadence asks a Mastodon instance for (POST /api/v1/apps, and again at authorize). */
export const MASTODON_SCOPES = ['read', 'write:statuses', 'write:media'];
/**
 * Registered port-less: RFC 8252 §7.3 has the server accept any port on a loopback redirect,
 * so one app per instance serves every connect (each on a fresh random port).
 */
export const MASTODON_REDIRECT = 'http://127.0.0.1/callback';

const appResponseSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

/** The instance's app for Cadence: from the secrets port, else registered once and cached there. */
export async function mastodonApp(store: TokenStore, instanceBase: string): Promise<MastodonApp> {
  const cached = await store.mastodonApp(instanceBase);
  if (cached) return cached;
  let response: Response;
  try {
    response = await fetch(`${instanceBase}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        client_name: 'Cadence',
        redirect_uris: MASTODON_REDIRECT,
        scopes: MASTODON_SCOPES.join(' '),
        website: 'https://cadence.local',
      }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new ContractError(
      'UNAVAILABLE',
      `Cadence could not reach ${instanceBase}; check the address and your connection.`,
    );
  }
  const parsed = appResponseSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) {
    throw new ContractError(
      'UNAVAILABLE',
      `${instanceBase} did not register Cadence as an app (HTTP ${response.status}); is it a Mastodon server?`,
    );
  }
  const app = {
    clientId: parsed.data.client_id,
    clientSecret: parsed.data.client_secret,
    redirectUri: MASTODON_REDIRECT,
  };
  await store.setMastodonApp(instanceBase, app);
  return app;
}
