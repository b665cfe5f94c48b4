import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type BrokerToken, brokerRevokeRequestSchema, brokerTokenRequestSchema } from '../../shared/sync-api/oauth';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from '../../main/accounts/token-exchange';
import { bearerToken } from '../auth/authenticate';
import type { ServerContext } from '../context';
import { parse } from '../http/parse';
import { brokerAppsFrom } from './broker-config';
import { brokerCallsCounter } from './broker-metrics';
import { SignInBroker } from './sign-in-broker';

/**
 * Token calls per user per minute. Sign-ins are rare and renewals come from one sweep per device,
 * so this only stops a device (or a stolen token) from running Cadence's apps into the platforms'
 * own rate limits.
 */
const TOKEN_CALLS_PER_USER_PER_MINUTE = 30;

/**
 * The sign-in broker under /v1/oauth: which apps this server holds secrets for, and the token calls
 * that need them (see shared/sync-api/oauth.ts).
 */
export async function registerOauthRoutes(app: FastifyInstance, context: ServerContext): Promise<void> {
  const broker = new SignInBroker({
    apps: brokerAppsFrom(context.config),
    exchanges: CONFIDENTIAL_EXCHANGES,
    target: (platform, override) => defaultExchangeTarget(platform, override),
    calls: brokerCallsCounter(context.metrics.registry),
    logger: context.logger,
    now: context.now,
  });

  // Keyed by the signed-in user, so one account's devices share the allowance and an address
  // shared by many people (an office, a carrier NAT) does not. Unsigned requests fall back to the
  // address and are refused by authenticate() anyway.
  const perUser = async (request: FastifyRequest): Promise<string> => {
    const token = bearerToken(request);
    if (token) {
      const auth = await context.tokens.verify(token).catch(() => null);
      if (auth) return `user:${auth.userId}`;
    }
    return `ip:${request.ip}`;
  };
  const limited =
    context.config.RATE_LIMITS === 'on'
      ? {
          config: {
            rateLimit: { max: TOKEN_CALLS_PER_USER_PER_MINUTE, timeWindow: 60_000, keyGenerator: perUser },
          },
        }
      : {};

  app.get('/oauth/apps', async (request) => {
    await context.authenticate(request);
    return broker.apps();
  });

  app.post('/oauth/token', limited, async (request, reply): Promise<{ token: BrokerToken }> => {
    await context.authenticate(request);
    const body = parse(brokerTokenRequestSchema, request.body);
    const token = await broker.token(body);
    // RFC 6749 §5.1: answers that carry tokens are never cached by anything in between.
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return { token };
  });

  // Same allowance as /token: a disconnect is one call, and the tokens in the body are never kept.
  app.post('/oauth/revoke', limited, async (request, reply): Promise<{ revoked: boolean }> => {
    await context.authenticate(request);
    const body = parse(brokerRevokeRequestSchema, request.body);
    const answer = await broker.revoke(body);
    void reply.header('cache-control', 'no-store');
    return answer;
  });
}
