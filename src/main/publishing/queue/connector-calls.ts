import type { ClockPort } from '../../platform/clock/types';
import { type ConnectorContext, ConnectorError } from '../providers/connector';
import type { JobRepository } from './job.repository';
import type { TokensPort } from './ports';
import type { Work } from './step-work';

/**
 * Connector calls of a held job with the account's token: rate-limit headers collected on the
 * work (saved with its next commit), and one refresh through the tokens port on `auth_expired`.
 */
export class ConnectorCalls {
  constructor(
    private readonly jobs: JobRepository,
    private readonly tokens: TokensPort,
    private readonly clock: ClockPort,
  ) {}

  /** Runs a connector call, refreshing the token once on `auth_expired` (reads only: safe to repeat). */
  async withRefresh<T>(work: Work, call: (ctx: ConnectorContext) => Promise<T>): Promise<T> {
    const context = await this.tokens.context(work.accountId);
    try {
      return await call(this.withRateLimits(context, work));
    } catch (error) {
      if (!(error instanceof ConnectorError) || error.kind !== 'auth_expired') throw error;
      const fresh = await this.refreshOnce(work, error);
      return call(this.withRateLimits(fresh, work));
    }
  }

  context(work: Work): Promise<ConnectorContext> {
    return this.tokens.context(work.accountId);
  }

  async refreshOnce(work: Work, cause: ConnectorError): Promise<ConnectorContext> {
    await this.jobs.addEvent(work.row.id, this.now(), 'refreshing_token', cause.message);
    await this.tokens.refresh(work.accountId);
    return this.tokens.context(work.accountId);
  }

  withRateLimits(context: ConnectorContext, work: Work): ConnectorContext {
    return {
      ...context,
      onRateLimit: (info) => {
        work.rateLimits.push(info);
        context.onRateLimit?.(info);
      },
    };
  }

  async saveRateLimits(work: Work): Promise<void> {
    const now = this.now();
    for (const info of work.rateLimits) await this.jobs.saveRateLimit(work.accountId, info, now);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
