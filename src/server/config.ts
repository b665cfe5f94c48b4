import { z } from 'zod';
import { brokerEnvShape, checkBrokerPairs } from './oauth/broker-config';

/** The service's settings, from the environment. Bad values stop it at start with the variable's name. */
const envFields = z.object({
  DATABASE_URL: z.string().url().startsWith('postgres', 'DATABASE_URL must be a postgres:// URL.'),
  /**
   * A direct (or session-pooled) connection for LISTEN: transaction-mode PgBouncer cannot carry
   * LISTEN. Defaults to DATABASE_URL.
   */
  DATABASE_LISTEN_URL: z.string().url().startsWith('postgres').optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Signs access tokens (HS256). At least 32 bytes. */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters.'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  /** Where links in emails point (the desktop app opens cadence:// links; a web page can too). */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:8787'),
  SMTP_URL: z.string().default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().default('Cadence <no-reply@cadence.local>'),
  /** An OpenAI-compatible upstream for the cloud-AI fallback; unset turns the feature off. */
  AI_UPSTREAM_URL: z.string().url().optional(),
  AI_UPSTREAM_KEY: z.string().optional(),
  AI_DEFAULT_MODEL: z.string().default('gpt-4o-mini'),
  /** PEM of the relay's private key (X25519/RSA); tokens handed to the relay are sealed to its public key. */
  RELAY_PRIVATE_KEY: z.string().optional(),
  /** Lets the relay publish to private/loopback hosts: for tests and self-hosted instances on a LAN. */
  RELAY_ALLOW_PRIVATE_HOSTS: z.enum(['true', 'false']).default('false'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Which proxies to believe about the client address (X-Forwarded-For), as Fastify's trustProxy:
   * a hop count ("1" behind one load balancer) or address ranges. Off by default, so a client
   * exposed directly cannot fake its address to get around per-IP limits.
   */
  TRUST_PROXY: z.string().default('false'),
  /** Off behind a proxy that already limits; on by default. */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /**
   * The sign-in broker (src/server/oauth): Cadence's own app per platform whose token endpoint needs
   * the client secret. OAUTH_<PLATFORM>_CLIENT_ID + OAUTH_<PLATFORM>_CLIENT_SECRET (both or
   * neither) and OAUTH_<PLATFORM>_BASE_URL (a peer in tests), for facebook, instagram, threads,
   * tiktok, linkedin and youtube.
   */
  ...brokerEnvShape,
});
/** A half-configured broker app stops the service at start, naming the missing variable. */
const envSchema = envFields.superRefine(checkBrokerPairs);

export type ServerConfig = z.infer<typeof envSchema>;

/** TRUST_PROXY as Fastify wants it: false, the number of proxy hops to believe, or address ranges. */
export function trustProxySetting(value: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return (_address, hop) => hop < hops;
  }
  return trimmed
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The sync service's settings are not valid:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
