import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildServer } from '../../src/server/app';
import { AccessTokens } from '../../src/server/auth/access-token';
import { readServerConfig, type ServerConfig } from '../../src/server/config';
import { createServerDatabase, type ServerDatabase } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createSmtpMailer } from '../../src/server/mail/mailer';
import { createTestDatabase, type TestDatabase } from './postgres';
import { SmtpInbox } from './smtp-inbox';

export interface TestSyncServer {
  url: string;
  app: FastifyInstance;
  config: ServerConfig;
  database: ServerDatabase;
  testDatabase: TestDatabase;
  inbox: SmtpInbox;
  /** Moves the server's clock (token expiry, monthly quotas). */
  clock: { offsetMs: number };
  /** Another instance on the same database: for fan-out and crash tests. */
  startInstance(): Promise<{ url: string; app: FastifyInstance; close(): Promise<void> }>;
  close(): Promise<void>;
}

/**
 * A real sync service for a test file: a fresh PostgreSQL database with the migrations applied,
 * a real SMTP inbox, and the server listening on 127.0.0.1 on a free port.
 */
export async function startTestSyncServer(env: Record<string, string> = {}): Promise<TestSyncServer> {
  const testDatabase = await createTestDatabase('sync');
  const inbox = new SmtpInbox();
  const smtpUrl = await inbox.start();
  const config = readServerConfig({
    DATABASE_URL: testDatabase.url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    SMTP_URL: smtpUrl,
    LOG_LEVEL: 'silent',
    PORT: '0',
    // Every platform peer in the tests listens on 127.0.0.1.
    RELAY_ALLOW_PRIVATE_HOSTS: 'true',
    ...env,
  });
  const database = createServerDatabase(config.DATABASE_URL, { max: config.DB_POOL_MAX });
  await migrateToLatest(database.db);
  const clock = { offsetMs: 0 };
  const now = () => new Date(Date.now() + clock.offsetMs);
  const mailer = createSmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  const instances: Array<{ close(): Promise<void> }> = [];

  const startInstance = async () => {
    const instanceDb = createServerDatabase(config.DATABASE_URL, { max: config.DB_POOL_MAX });
    const app = await buildServer({ config, database: instanceDb, mailer, logger: pino({ level: 'silent' }), now });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const instance = {
      url: `http://127.0.0.1:${port}`,
      app,
      close: async () => {
        await app.close();
        await instanceDb.close();
      },
    };
    instances.push(instance);
    return instance;
  };

  const app = await buildServer({ config, database, mailer, logger: pino({ level: 'silent' }), now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    database,
    testDatabase,
    inbox,
    clock,
    startInstance,
    async close() {
      for (const instance of instances.splice(0)) await instance.close().catch(() => undefined);
      await app.close();
      await database.close();
      mailer.close();
      await inbox.stop();
      await testDatabase.drop();
    },
  };
}

export interface TestUser {
  userId: string;
  deviceId: string;
  email: string;
  accessToken: string;
  /** `Authorization` header for fetch. */
  headers: Record<string, string>;
}

/**
 * A user with one device and a signed access token, written straight to the database: tests of
 * sync, AI and relay need a signed-in device without going through registration and email.
 */
export async function createTestUser(
  server: TestSyncServer,
  options: { email?: string; tier?: 'free' | 'creator' | 'pro'; role?: 'user' | 'admin'; deviceName?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `user-${Math.random().toString(36).slice(2, 10)}@example.test`;
  const user = await server.database.db
    .insertInto('users')
    .values({
      email,
      password_hash: 'not-a-password-login-is-not-used-here',
      email_verified_at: new Date(),
      tier: options.tier ?? 'free',
      role: options.role ?? 'user',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return addTestDevice(server, {
    userId: user.id,
    email,
    role: options.role ?? 'user',
    deviceName: options.deviceName,
  });
}

/** Another signed-in device of an existing test user. */
export async function addTestDevice(
  server: TestSyncServer,
  user: { userId: string; email: string; role?: 'user' | 'admin'; deviceName?: string },
): Promise<TestUser> {
  const device = await server.database.db
    .insertInto('devices')
    .values({ user_id: user.userId, name: user.deviceName ?? 'Test laptop', platform: 'linux' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tokens = new AccessTokens(server.config.JWT_SECRET, server.config.ACCESS_TOKEN_TTL_SECONDS);
  const accessToken = await tokens.sign({ userId: user.userId, deviceId: device.id, role: user.role ?? 'user' });
  return {
    userId: user.userId,
    deviceId: device.id,
    email: user.email,
    accessToken,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
  };
}
