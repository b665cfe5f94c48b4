import type { FastifyInstance } from 'fastify';
import { loginRequestSchema, refreshRequestSchema, registerRequestSchema } from '../../shared/sync-api/accounts';
import { ApiError } from '../http/api-error';
import { parse } from '../http/parse';
import { sendVerificationEmail } from './account-mail';
import type { AccountsEnv } from './accounts-env';
import { issueEmailToken } from './email-tokens';
import { burnPasswordCheck, hashPassword, passwordNeedsRehash, verifyPassword } from './passwords';
import { revokeDevice, rotateRefreshToken } from './refresh-tokens';
import { signInDevice } from './sign-in';
import { IP_LIMITS, ipRateLimit, throttleAccount } from './throttle';

const invalidCredentials = () =>
  new ApiError(401, 'invalid_credentials', 'The email or password is not right. Check both, or reset your password.');

/** Register, sign in, refresh, sign out. */
export function registerAuthRoutes(app: FastifyInstance, env: AccountsEnv): void {
  const { context, record } = env;

  app.post('/auth/register', ipRateLimit(context, IP_LIMITS.register), async (request, reply) => {
    const input = parse(registerRequestSchema, request.body);
    await throttleAccount(context, 'register', input.email);
    const passwordHash = await hashPassword(input.password);
    const { tokens, verifyToken } = await env.signingIn(() =>
      context.db.transaction().execute(async (trx) => {
        const user = await trx
          .insertInto('users')
          .values({ email: input.email, password_hash: passwordHash })
          .onConflict((oc) => oc.column('email').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!user) {
          throw new ApiError(409, 'email_taken', 'An account with this email exists already; sign in instead.');
        }
        const session = await signInDevice(trx, context, { userId: user.id, device: input.device });
        const token = await issueEmailToken(trx, context, { userId: user.id, purpose: 'verify_email' });
        return { tokens: session, verifyToken: token };
      }),
    );
    await sendVerificationEmail(context, input.email, verifyToken);
    record('register');
    return reply.status(201).send(tokens);
  });

  app.post('/auth/login', ipRateLimit(context, IP_LIMITS.login), async (request) => {
    const input = parse(loginRequestSchema, request.body);
    await throttleAccount(context, 'login', input.email);
    const user = await context.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (!user) {
      await burnPasswordCheck(input.password);
      record('login_failed');
      throw invalidCredentials();
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      record('login_failed');
      throw invalidCredentials();
    }
    if (passwordNeedsRehash(user.password_hash)) {
      const rehashed = await hashPassword(input.password);
      await context.db.updateTable('users').set({ password_hash: rehashed }).where('id', '=', user.id).execute();
    }
    const tokens = await env.signingIn(() =>
      context.db.transaction().execute((trx) => signInDevice(trx, context, { userId: user.id, device: input.device })),
    );
    record('login');
    return tokens;
  });

  app.post('/auth/refresh', ipRateLimit(context, IP_LIMITS.refresh), async (request) => {
    const input = parse(refreshRequestSchema, request.body);
    try {
      const tokens = await rotateRefreshToken(context, input.refreshToken);
      record('refresh');
      return tokens;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'refresh_reused') record('refresh_reused');
      throw error;
    }
  });

  app.post('/auth/logout', async (request, reply) => {
    const auth = await context.authenticate(request);
    await context.db.transaction().execute((trx) => revokeDevice(trx, context, auth.deviceId, 'logout'));
    record('logout');
    return reply.status(204).send();
  });
}
