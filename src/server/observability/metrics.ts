import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics for one server instance: its own registry (several instances can share a
 * process in tests), the process defaults, HTTP timings by route, and the areas' own figures.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'cadence_http_request_duration_seconds',
    help: 'HTTP request duration by route and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly syncChangesPushed = new Counter({
    name: 'cadence_sync_changes_pushed_total',
    help: 'Encrypted changes accepted from devices (retries not counted).',
    registers: [this.registry],
  });
  readonly syncChangesPulled = new Counter({
    name: 'cadence_sync_changes_pulled_total',
    help: 'Changes sent to devices.',
    registers: [this.registry],
  });
  readonly liveConnections = new Gauge({
    name: 'cadence_sync_live_connections',
    help: 'Open live-sync WebSocket connections on this instance.',
    registers: [this.registry],
  });
  readonly aiTokens = new Counter({
    name: 'cadence_ai_tokens_total',
    help: 'Cloud-AI tokens metered, by direction.',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });
  readonly relayOutcomes = new Counter({
    name: 'cadence_relay_publish_total',
    help: 'Relay publish attempts by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.httpDuration
        .labels(request.method, route, `${Math.floor(reply.statusCode / 100)}xx`)
        .observe(reply.elapsedTime / 1000);
    });
    app.get('/metrics', async (_request, reply) => {
      void reply.header('content-type', this.registry.contentType);
      return this.registry.metrics();
    });
  }
}
