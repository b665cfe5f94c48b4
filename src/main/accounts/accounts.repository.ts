import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { ContractError } from '../../shared/contract/errors';
import type { TokenStatus } from '../../shared/domain/accounts';
import type { Platform } from '../../shared/domain/platform';
import type { AppDatabase } from '../db/database';
import type { AccountsTable } from '../db/schema/analytics';

export type AccountRow = Selectable<AccountsTable>;

export interface ConnectedAccountInput {
  /** Reconnect keeps the account's id; a new connect matches by platform + external id, then handle. */
  accountId: string | null;
  platform: Platform;
  handle: string;
  displayName: string;
  externalId: string;
  instanceUrl: string | null;
  scopes: string[];
  tokenExpiresAt: string | null;
  statusDetail: string;
}

/** The account rows the accounts domain writes (connection facts only; never a token). */
export class AccountsRepository {
  constructor(private readonly database: AppDatabase) {}

  private get db() {
    return this.database.db;
  }

  async get(id: string): Promise<AccountRow | null> {
    return (await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async list(): Promise<AccountRow[]> {
    return this.db.selectFrom('accounts').selectAll().orderBy('platform').orderBy('handle').execute();
  }

  async listConnected(): Promise<AccountRow[]> {
    return this.db.selectFrom('accounts').selectAll().where('source', '=', 'connected').execute();
  }

  /** Writes the connected account and returns its id (an imported row with the same handle is taken over). */
  async upsertConnected(input: ConnectedAccountInput, now: string): Promise<string> {
    return this.db.transaction().execute(async (tx) => {
      const byId = input.accountId
        ? await tx.selectFrom('accounts').selectAll().where('id', '=', input.accountId).executeTakeFirst()
        : undefined;
      const byExternal =
        byId ??
        (await tx
          .selectFrom('accounts')
          .selectAll()
          .where('platform', '=', input.platform)
          .where('external_id', '=', input.externalId)
          .where((eb) =>
            input.instanceUrl === null ? eb('instance_url', 'is', null) : eb('instance_url', '=', input.instanceUrl),
          )
          .executeTakeFirst());
      const existing =
        byExternal ??
        (await tx
          .selectFrom('accounts')
          .selectAll()
          .where('platform', '=', input.platform)
          .where('handle', '=', input.handle)
          .executeTakeFirst());
      if (existing?.external_id && existing.external_id !== input.externalId) {
        throw new ContractError(
          'CONFLICT',
          `Another ${input.platform} account is already connected as @${input.handle}; disconnect it first`,
        );
      }
      const values = {
        handle: input.handle,
        display_name: input.displayName,
        source: 'connected',
        token_status: 'valid' as TokenStatus,
        external_id: input.externalId,
        instance_url: input.instanceUrl,
        scopes: JSON.stringify(input.scopes),
        token_expires_at: input.tokenExpiresAt,
        token_checked_at: now,
        status_detail: input.statusDetail,
        updated_at: now,
      };
      if (existing) {
        await tx.updateTable('accounts').set(values).where('id', '=', existing.id).execute();
        return existing.id;
      }
      const id = randomUUID();
      await tx
        .insertInto('accounts')
        .values({ id, platform: input.platform, created_at: now, ...values })
        .execute();
      return id;
    });
  }

  async setHealth(
    id: string,
    health: { status: TokenStatus | null; detail: string; expiresAt?: string | null; scopes?: string[] },
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({
        token_status: health.status,
        status_detail: health.detail,
        token_checked_at: now,
        updated_at: now,
        ...(health.expiresAt !== undefined ? { token_expires_at: health.expiresAt } : {}),
        ...(health.scopes !== undefined ? { scopes: JSON.stringify(health.scopes) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Keeps the row (its publications and metrics stay) as an unconnected account. */
  async markDisconnected(id: string, detail: string, now: string): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({
        source: 'import',
        token_status: null,
        token_expires_at: null,
        token_checked_at: now,
        status_detail: detail,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }
}

export function parseScopes(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
