import { Counter } from 'prom-client';
import type { ServerMetrics } from '../observability/metrics';

export type AuthEvent =
  | 'register'
  | 'login'
  | 'login_failed'
  | 'refresh'
  | 'refresh_reused'
  | 'logout'
  | 'email_verified'
  | 'password_reset'
  | 'device_revoked'
  | 'device_limit'
  | 'account_deleted';

/**
 * Account events on the instance's own registry (next to the HTTP timings). A jump in
 * `login_failed` or `refresh_reused` is the first sign of credential stuffing or token theft.
 */
export function createAuthMetrics(metrics: ServerMetrics): (event: AuthEvent) => void {
  const counter = new Counter({
    name: 'cadence_auth_events_total',
    help: 'Account events: sign-ins, failures, refresh reuse, resets, deletions.',
    labelNames: ['event'] as const,
    registers: [metrics.registry],
  });
  return (event) => counter.labels(event).inc();
}
