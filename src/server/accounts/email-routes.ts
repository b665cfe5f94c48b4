import type { FastifyInstance } from 'fastify';
import {
  requestPasswordResetSchema,
  resetPasswordRequestSchema,
  verifyEmailRequestSchema,
} from '../../shared/sync-api/accounts';
import { parse } from '../http/parse';
import { sendResetEmail, sendVerificationEmail } from './account-mail';
import type { AccountsEnv } from './accounts-env';
import { resetPassword, verifyEmail } from './email-flows';
import { issueEmailToken } from './email-tokens';
import { IP_LIMITS, ipRateLimit, throttleAccount } from './throttle';

/** Email verification and password reset, as JSON endpoints for the desktop app. */
export function registerEmailRoutes(app: FastifyInstance, env: AccountsEnv): void {
  const { context, record } = env;

  app.post('/auth/verify-email', ipRateLimit(context, IP_LIMITS.emailLinks), async (request, reply) => {
    const input = parse(verifyEmailRequestSchema, request.body);
    await verifyEmail(context, input.token);
    record('email_verified');
    return reply.status(204).send();
  });

  app.post('/auth/resend-verification', async (request, reply) => {
    const auth = await context.authenticate(request);
    await throttleAccount(context, 'mail', `user:${auth.userId}`);
    const user = await context.db
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('id', '=', auth.userId)
      .executeTakeFirstOrThrow();
    // Already verified: nothing to send, and nothing to complain about either.
    if (!user.email_verified_at) {
      const token = await issueEmailToken(context.db, context, { userId: auth.userId, purpose: 'verify_email' });
      await sendVerificationEmail(context, user.email, token);
    }
    return reply.status(204).send();
  });

  app.post('/auth/request-password-reset', ipRateLimit(context, IP_LIMITS.emailLinks), async (request, reply) => {
    const input = parse(requestPasswordResetSchema, request.body);
    // The limit applies to every address alike, so a 429 says nothing about whether it has an account.
    await throttleAccount(context, 'mail', `email:${input.email}`);
    const user = await context.db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (user) {
      const token = await issueEmailToken(context.db, context, { userId: user.id, purpose: 'reset_password' });
      // Not awaited: waiting for SMTP only for real accounts would tell them apart by response time.
      void sendResetEmail(context, input.email, token);
    }
    return reply.status(204).send();
  });

  app.post('/auth/reset-password', ipRateLimit(context, IP_LIMITS.emailLinks), async (request, reply) => {
    const input = parse(resetPasswordRequestSchema, request.body);
    await resetPassword(context, input.token, input.password);
    record('password_reset');
    return reply.status(204).send();
  });
}
