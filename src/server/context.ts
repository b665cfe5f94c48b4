import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccessTokens } from './auth/access-token';
import type { Authenticate } from './auth/authenticate';
import type { ServerConfig } from './config';
import type { ServerDatabase } from './db/database';
import type { ServerDb } from './db/schema';
import type { Mailer } from './mail/mailer';
import type { Readiness } from './observability/health';
import type { ServerMetrics } from './observability/metrics';

/** What every area's routes receive. Built once per server instance in app.ts. */
export interface ServerContext {
  config: ServerConfig;
  db: Kysely<ServerDb>;
  database: ServerDatabase;
  tokens: AccessTokens;
  authenticate: Authenticate;
  mailer: Mailer;
  metrics: ServerMetrics;
  readiness: Readiness;
  logger: Logger;
  /** The wall clock; tests move it (token expiry, monthly quotas). */
  now: () => Date;
  /** Background workers (the publish relay) run only where this is true. */
  runWorkers: boolean;
}
