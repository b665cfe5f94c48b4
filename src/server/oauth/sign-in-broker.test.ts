import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIDENTIAL_EXCHANGES, defaultExchangeTarget } from '../../main/accounts/token-exchange';
import { metaServiceDown, startMetaTokenPeer, type MetaTokenPeer } from '../../../test/peers/token-endpoints/meta';
import { ApiError } from '../http/api-error';
import { brokerCallsCounter } from './broker-metrics';
import { SignInBroker } from './sign-in-broker';
import { codeFromMetaPeer, FACEBOOK_APP, FACEBOOK_SCOPES } from './oauth.test-support';

/**
 * The broker without HTTP in front: what it writes to the log (never a token, code or secret, even
 * at trace level) and how it reads the platform's refusals of Cadence's own app.
 */

let peer: MetaTokenPeer;
beforeAll(async () => {
  peer = await startMetaTokenPeer({ platform: 'facebook', ...FACEBOOK_APP, now: () => new Date() });
});
afterAll(async () => {
  await peer?.close();
});

function brokerWith(clientSecret: string, timeoutMs?: number) {
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  const registry = new Registry();
  const broker = new SignInBroker({
    apps: [
      {
        platform: 'facebook',
        credentials: { clientId: FACEBOOK_APP.clientId, clientSecret },
        baseUrlOverride: peer.origin,
      },
    ],
    exchanges: CONFIDENTIAL_EXCHANGES,
    target: (platform, override) => defaultExchangeTarget(platform, override),
    calls: brokerCallsCounter(registry),
    logger,
    now: () => new Date(),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return { broker, lines, registry };
}

const code = () => codeFromMetaPeer(peer.origin, '/v21.0/dialog/oauth', FACEBOOK_APP.clientId, FACEBOOK_SCOPES);

async function refusal(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the broker to refuse');
}

describe('SignInBroker', () => {
  it('logs each call by platform and outcome, never a token, a code or the secret', async () => {
    const { broker, lines } = brokerWith(FACEBOOK_APP.clientSecret);
    const grant = await code();
    const token = await broker.token({ platform: 'facebook', grant: { type: 'authorization_code', ...grant } });
    await refusal(() => broker.token({ platform: 'facebook', grant: { type: 'authorization_code', ...grant } }));
    peer.inject({ ...metaServiceDown, path: /access_token$/ });
    await refusal(async () =>
      broker.token({ platform: 'facebook', grant: { type: 'authorization_code', ...(await code()) } }),
    );

    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(log).toContain('"platform":"facebook"');
    for (const secret of [
      FACEBOOK_APP.clientSecret,
      grant.code,
      grant.codeVerifier,
      token.accessToken,
      ...peer.book.issuedValues(),
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('reads a refused app secret as the operator’s problem (502), never as the creator’s grant', async () => {
    const { broker, lines, registry } = brokerWith('a-wrong-secret');
    const error = await refusal(async () =>
      broker.token({ platform: 'facebook', grant: { type: 'authorization_code', ...(await code()) } }),
    );
    expect(error.status).toBe(502);
    expect(error.code).toBe('upstream_failed');
    expect(error.message).toMatch(/operator/);
    expect(error.message).not.toContain('a-wrong-secret');
    expect(lines.join('')).toMatch(/OAUTH_FACEBOOK_CLIENT_ID/);
    const metrics = await registry.getSingleMetricAsString('cadence_oauth_broker_calls_total');
    expect(metrics).toContain('platform="facebook",grant="code",outcome="upstream_failed"} 1');
  });

  it('gives up on a platform that does not answer in time, as upstream_failed', async () => {
    const { broker: slow } = brokerWith(FACEBOOK_APP.clientSecret, 200);
    peer.inject({ kind: 'stall', path: /access_token$/ });
    const error = await refusal(async () =>
      slow.token({ platform: 'facebook', grant: { type: 'authorization_code', ...(await code()) } }),
    );
    expect(error.status).toBe(502);
    expect(error.code).toBe('upstream_failed');
  });
});
