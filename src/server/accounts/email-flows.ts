import type { ServerContext } from '../context';
import { consumeEmailToken } from './email-tokens';
import { hashPassword } from './passwords';
import { revokeEverySignIn } from './refresh-tokens';

/** Marks the address verified; used by the JSON endpoint and the page the email links to. */
export async function verifyEmail(context: ServerContext, token: string): Promise<void> {
  await context.db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, context, { token, purpose: 'verify_email' });
    await trx
      .updateTable('users')
      .set((eb) => ({ email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(context.now())) }))
      .where('id', '=', userId)
      .execute();
  });
}

/**
 * Sets the new password and ends every sign-in of the account, in one transaction: whoever knew the
 * old password (or holds a stolen refresh token) is out, and each device's slot is free again. The
 * mailbox was just proven, so the address counts as verified too.
 */
export async function resetPassword(context: ServerContext, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await context.db.transaction().execute(async (trx) => {
    const userId = await consumeEmailToken(trx, context, { token, purpose: 'reset_password' });
    const now = context.now();
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        updated_at: now,
        email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)),
      }))
      .where('id', '=', userId)
      .execute();
    await trx
      .deleteFrom('email_tokens')
      .where('user_id', '=', userId)
      .where('purpose', '=', 'reset_password')
      .where('used_at', 'is', null)
      .execute();
    await revokeEverySignIn(trx, context, userId, 'password_reset');
  });
}
