import { buildServer } from './app';
import { readServerConfig } from './config';
import { createServerDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { createSmtpMailer } from './mail/mailer';
import { createServerLogger } from './observability/logger';

/**
 * `npm run server`: one instance of the sync service against DATABASE_URL. Runs migrations (safe
 * with several instances starting at once), then serves until SIGTERM/SIGINT, when it stops
 * taking requests, finishes those in flight and closes the pool.
 */
async function main(): Promise<void> {
  const config = readServerConfig(process.env);
  const logger = createServerLogger(config.LOG_LEVEL);
  const database = createServerDatabase(config.DATABASE_URL, { max: config.DB_POOL_MAX });
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const mailer = createSmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  const app = await buildServer({ config, database, mailer, logger });
  await app.listen({ host: config.HOST, port: config.PORT });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    void app
      .close()
      .then(() => database.close())
      .then(() => mailer.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
