import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { type AdminUser, adminUpdateUserSchema } from '../../shared/sync-api/accounts';
import { requireAdmin } from '../auth/authenticate';
import type { ServerContext } from '../context';
import type { ServerDb } from '../db/schema';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse';

const listQuery = z.object({
  query: z.string().trim().toLowerCase().max(254).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const userParams = z.object({ id: z.string().uuid() });

/** The cursor is the last email of the page (emails are unique), opaque to clients. */
const encodeCursor = (email: string) => Buffer.from(email, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const email = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!email.includes('@'))
    throw new ApiError(400, 'invalid_input', 'The cursor is not valid; start from the first page.');
  return email;
}

/** LIKE treats % and _ as wildcards; a search for "a_b" means those characters literally. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function adminUsers(db: Kysely<ServerDb>) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.role',
      'users.tier',
      'users.email_verified_at',
      'users.created_at',
      eb
        .selectFrom('devices')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('devices.user_id', '=', 'users.id')
        .where('devices.revoked_at', 'is', null)
        .as('devices'),
    ]);
}

type AdminRow = {
  id: string;
  email: string;
  role: AdminUser['role'];
  tier: AdminUser['tier'];
  email_verified_at: Date | null;
  created_at: Date;
  devices: number | null;
};

function toAdminUser(row: AdminRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    tier: row.tier,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at.toISOString(),
    devices: Number(row.devices ?? 0),
  };
}

/** Operators: find accounts by email and change their plan or role. Every route needs an admin. */
export function registerAdminRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/admin/users', async (request) => {
    await requireAdmin(context.authenticate, request);
    const input = parse(listQuery, request.query);
    let query = adminUsers(context.db)
      .orderBy('users.email')
      .limit(input.limit + 1);
    if (input.query) query = query.where(sql<boolean>`users.email like ${`%${likeEscape(input.query)}%`}`);
    if (input.cursor) query = query.where('users.email', '>', decodeCursor(input.cursor));
    const rows = await query.execute();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      users: page.map(toAdminUser),
      nextCursor: rows.length > input.limit && last ? encodeCursor(last.email) : null,
    };
  });

  app.patch('/admin/users/:id', async (request): Promise<AdminUser> => {
    const admin = await requireAdmin(context.authenticate, request);
    const { id } = parse(userParams, request.params);
    const change = parse(adminUpdateUserSchema, request.body);
    if (id === admin.userId && change.role === 'user') {
      // Otherwise the last administrator could lock everyone out of these pages.
      throw new ApiError(409, 'conflict', 'You cannot remove your own admin role; ask another administrator.');
    }
    const updated = await context.db
      .updateTable('users')
      .set({ ...change, updated_at: context.now() })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new ApiError(404, 'not_found', 'No account with this id.');
    context.logger.info({ adminId: admin.userId, userId: id, change }, 'account changed by an administrator');
    return toAdminUser(await adminUsers(context.db).where('users.id', '=', id).executeTakeFirstOrThrow());
  });
}
