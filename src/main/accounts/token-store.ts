import { z } from 'zod';
import type { TokenSet } from '../publishing/providers/connector';
import type { SecretsPort } from '../platform/secrets/types';

const tokenSetSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  expiresAt: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  extra: z.record(z.string(), z.string()).optional(),
});

const mastodonAppSchema = z.object({ clientId: z.string(), clientSecret: z.string(), redirectUri: z.string() });
export type MastodonApp = z.infer<typeof mastodonAppSchema>;

/** Tokens and app credentials in the secrets port (OS keychain): never SQLite, never logs. */
export class TokenStore {
  constructor(private readonly secrets: SecretsPort) {}

  async get(accountId: string): Promise<TokenSet | null> {
    return read(await this.secrets.get(tokenKey(accountId)), tokenSetSchema);
  }

  async set(accountId: string, token: TokenSet): Promise<void> {
    await this.secrets.set(tokenKey(accountId), JSON.stringify(token));
  }

  async delete(accountId: string): Promise<void> {
    await this.secrets.delete(tokenKey(accountId));
  }

  async mastodonApp(instanceUrl: string): Promise<MastodonApp | null> {
    return read(await this.secrets.get(mastodonKey(instanceUrl)), mastodonAppSchema);
  }

  async setMastodonApp(instanceUrl: string, app: MastodonApp): Promise<void> {
    await this.secrets.set(mastodonKey(instanceUrl), JSON.stringify(app));
  }
}

const tokenKey = (accountId: string) => `account:${accountId}:token`;
const mastodonKey = (instanceUrl: string) => `mastodon-app:${new URL(instanceUrl).origin}`;

function read<T>(raw: string | null, schema: z.ZodType<T>): T | null {
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
