import type { Kysely } from 'kysely';
import { z } from 'zod';
import { cloudAccountSchema } from '../../../shared/domain/sync';
import type { Database } from '../../db/schema';
import type { SecretsPort } from '../../platform/secrets/types';

/** The signed-in session, in the secrets port only. */
export const SESSION_SECRET_KEY = 'sync.session';
/** The sync server address: a preference (it may travel in an export; it holds nothing secret). */
export const SERVER_URL_SETTING = 'sync.server-url';

const storedSessionSchema = cloudAccountSchema.extend({ refreshToken: z.string().min(1) });
export type StoredSession = z.infer<typeof storedSessionSchema>;

/**
 * Where the session lives between runs. The refresh token and the account ids are kept together in
 * the secrets port (keychain or encrypted file), never in SQLite: they belong to this device, must
 * not travel in a data export, and a restore from a backup must not resurrect another device's
 * session. The access token is never stored; a restart refreshes.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly secrets: SecretsPort,
    private readonly now: () => Date,
  ) {}

  async loadSession(): Promise<StoredSession | null> {
    const raw = await this.secrets.get(SESSION_SECRET_KEY);
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = storedSessionSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }

  async saveSession(session: StoredSession): Promise<void> {
    await this.secrets.set(SESSION_SECRET_KEY, JSON.stringify(storedSessionSchema.parse(session)));
  }

  async clearSession(): Promise<void> {
    await this.secrets.delete(SESSION_SECRET_KEY);
  }

  async loadServerUrl(): Promise<string | null> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SERVER_URL_SETTING)
      .executeTakeFirst();
    if (!row) return null;
    try {
      const value: unknown = JSON.parse(row.value);
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  async saveServerUrl(serverUrl: string): Promise<void> {
    const value = JSON.stringify(serverUrl);
    const updatedAt = this.now().toISOString();
    await this.db
      .insertInto('settings')
      .values({ key: SERVER_URL_SETTING, value, updated_at: updatedAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: updatedAt }))
      .execute();
  }
}
