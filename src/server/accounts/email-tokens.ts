import type { Kysely, Transaction } from 'kysely';
import type { ServerContext } from '../context';
import type { ServerDb } from '../db/schema';
import type { EmailTokenPurpose } from '../db/tables/sessions';
import { ApiError } from '../http/api-error';
import { randomSecret, sha256Hex } from './secret-tokens';

type Db = Kysely<ServerDb> | Transaction<ServerDb>;

/** A verification link is fine for a day; a reset link is a password in transit, so an hour. */
const LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 3_600_000,
};

/** A new single-use token; the database keeps only its hash. Expired ones of the user go. */
export async function issueEmailToken(
  db: Db,
  context: ServerContext,
  input: { userId: string; purpose: EmailTokenPurpose },
): Promise<string> {
  const token = randomSecret();
  const now = context.now();
  await db.deleteFrom('email_tokens').where('user_id', '=', input.userId).where('expires_at', '<', now).execute();
  await db
    .insertInto('email_tokens')
    .values({
      user_id: input.userId,
      purpose: input.purpose,
      token_hash: sha256Hex(token),
      created_at: now,
      expires_at: new Date(now.getTime() + LIFETIME_MS[input.purpose]),
    })
    .execute();
  return token;
}

/**
 * Marks the token used and returns its user, or throws 400 `invalid_token` (unknown, used, expired
 * or for another purpose: the caller cannot tell which, on purpose). The UPDATE is the check, so a
 * link clicked twice at once is consumed once.
 */
export async function consumeEmailToken(
  db: Db,
  context: ServerContext,
  input: { token: string; purpose: EmailTokenPurpose },
): Promise<string> {
  const now = context.now();
  const row = await db
    .updateTable('email_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', sha256Hex(input.token))
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  if (!row) {
    const what = input.purpose === 'verify_email' ? 'verification' : 'password reset';
    throw new ApiError(
      400,
      'invalid_token',
      `This ${what} link is not valid any more (used already, or expired); ask for a new one.`,
    );
  }
  return row.user_id;
}
