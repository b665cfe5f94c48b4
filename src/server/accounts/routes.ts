import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from '../admin/routes';
import type { ServerContext } from '../context';
import { createAccountsEnv } from './accounts-env';
import { createAuthMetrics } from './auth-metrics';
import { registerAuthRoutes } from './auth-routes';
import { registerEmailPages } from './email-pages';
import { registerEmailRoutes } from './email-routes';
import { registerMeRoutes } from './me-routes';
import { sweepEndedFamilies } from './refresh-tokens';
import { sweepThrottle } from './throttle';

const SWEEP_EVERY_MS = 10 * 60_000;

/** Register, sign in, tokens, email verification, password reset, devices, account deletion, admin. */
export async function registerAccountRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const env = createAccountsEnv(context, createAuthMetrics(context.metrics));
  registerAuthRoutes(app, env);
  registerEmailRoutes(app, env);
  await registerEmailPages(app, env);
  registerMeRoutes(app, env);
  registerAdminRoutes(app, context);

  // Housekeeping that any instance may do; both deletes are idempotent, so instances never clash.
  const sweep = setInterval(() => {
    Promise.all([sweepThrottle(context.db, context.now()), sweepEndedFamilies(context.db, context.now())]).catch(
      (error: unknown) => context.logger.warn({ err: error }, 'could not sweep ended sign-ins and rate-limit windows'),
    );
  }, SWEEP_EVERY_MS);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
}
