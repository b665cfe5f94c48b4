import { Counter, type Registry } from 'prom-client';

/**
 * What became of one broker call: the platform's answer as the device will see it. `not_revoked`: a
 * revocation the platform answered without withdrawing anything (no revocation, or the token was dead).
 */
export type BrokerOutcome = 'ok' | 'invalid_grant' | 'upstream_failed' | 'not_configured' | 'not_revoked';

/** The broker's own figure, on the instance's registry (ServerMetrics keeps one per instance). */
export function brokerCallsCounter(registry: Registry): Counter<'platform' | 'grant' | 'outcome'> {
  return new Counter({
    name: 'cadence_oauth_broker_calls_total',
    help: 'Sign-in broker token calls by platform, grant (code, refresh or revoke) and outcome.',
    labelNames: ['platform', 'grant', 'outcome'] as const,
    registers: [registry],
  });
}
