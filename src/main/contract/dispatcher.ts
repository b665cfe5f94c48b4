import { contract, ContractError, type Envelope, isChannel, toFieldIssues } from '../../shared/contract';
import type { Logger } from '../platform/logger/logger';
import type { Handlers } from './handlers';

/**
 * The single entry from any transport into the core: checks the channel, parses the input with
 * its zod schema before any service runs, and logs channel, duration and outcome (never payload).
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly logger: Logger,
  ) {}

  /** Never throws: transports send the envelope as is. */
  async invoke(channel: string, rawInput: unknown): Promise<Envelope<unknown>> {
    const started = performance.now();
    try {
      const value = await this.run(channel, rawInput);
      this.logger.info({ channel, ms: elapsed(started), outcome: 'ok' }, 'contract call');
      return { ok: true, value };
    } catch (caught) {
      const error = asContractError(caught);
      const level = error.code === 'INTERNAL' ? 'error' : 'info';
      this.logger[level](
        { channel, ms: elapsed(started), outcome: error.code, ...(level === 'error' ? { err: caught } : {}) },
        'contract call',
      );
      return { ok: false, error: error.toJSON() };
    }
  }

  private async run(channel: string, rawInput: unknown): Promise<unknown> {
    if (!isChannel(channel)) throw new ContractError('UNKNOWN_CHANNEL', `There is no channel named "${channel}"`);
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new ContractError('VALIDATION_FAILED', describeIssues(parsed.error.issues), {
        issues: toFieldIssues(parsed.error),
      });
    }
    const handler = this.handlers[channel] as (input: unknown) => unknown;
    return await handler(parsed.data);
  }
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid';
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}

function asContractError(caught: unknown): ContractError {
  if (caught instanceof ContractError) return caught;
  return new ContractError('INTERNAL', 'Something went wrong inside Cadence; the log has the details');
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
