import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';
import { ApiError } from '../http/api-error';

/**
 * Unverified accounts may sync (their data stays theirs), but the paid-for areas (cloud AI, the
 * publish relay) spend the service's money and reach third parties, so they need a verified email:
 * that keeps throwaway sign-ups from draining quotas. Throws 403 `email_not_verified` with the fix,
 * or 401 `unauthenticated` if the account no longer exists.
 */
export async function requireVerifiedEmail(db: Kysely<ServerDb>, userId: string): Promise<void> {
  const user = await db.selectFrom('users').select('email_verified_at').where('id', '=', userId).executeTakeFirst();
  if (!user) throw new ApiError(401, 'unauthenticated', 'This account no longer exists; sign in again.');
  if (!user.email_verified_at) {
    throw new ApiError(
      403,
      'email_not_verified',
      'Verify your email address first: open the link we emailed you, or ask for a new one in Settings → Sync.',
    );
  }
}
