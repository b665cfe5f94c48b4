import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';

/** A named check that readiness runs (the database, the LISTEN connection, ...). */
export type ReadinessCheck = () => Promise<void>;

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  add(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Called on shutdown: the load balancer stops sending new requests before connections close. */
  drain(): void {
    this.draining = true;
  }

  async run(): Promise<{ ok: boolean; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    let ok = !this.draining;
    if (this.draining) results.shutdown = 'draining';
    for (const [name, check] of this.checks) {
      try {
        await check();
        results[name] = 'ok';
      } catch (error) {
        ok = false;
        results[name] = error instanceof Error ? error.message : String(error);
      }
    }
    return { ok, checks: results };
  }
}

/** /healthz: the process answers (liveness). /readyz: it can serve (readiness). */
export function installHealth<T>(app: FastifyInstance, db: Kysely<T>, readiness: Readiness): void {
  readiness.add('database', async () => {
    await sql`select 1`.execute(db);
  });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const result = await readiness.run();
    return reply.status(result.ok ? 200 : 503).send(result);
  });
}
