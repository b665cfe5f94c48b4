import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import type { Logger } from '../../platform/logger/logger';
import { ConnectorError } from '../providers/connector';
import { RATE_LIMIT_FALLBACK_MS, backoffMs } from './backoff';
import type { JobLease } from './job-lease';
import type { JobChanges, JobRepository, PublishJobRow } from './job.repository';
import type { TokensPort } from './ports';
import type { Phase } from './step-work';

export interface FailureDeps {
  jobs: JobRepository;
  logger: Logger;
  tokens: TokensPort;
}

export interface FailureSettings {
  maxAttempts: number;
  backoffBaseMs: number;
  offlineWaitMs: number;
}

/**
 * What an error in a step means for the job, by its kind and where the step stood: offline and
 * rate limits wait without using up an attempt, a refusal fails, an expired login asks for a
 * reconnect, and anything after a send that left no answer becomes `outcome_unknown` (the
 * platform is checked before any resend).
 */
export class StepFailures {
  constructor(
    private readonly deps: FailureDeps,
    private readonly lease: JobLease,
    private readonly settings: FailureSettings,
  ) {}

  async handle(row: PublishJobRow, error: unknown, phase: Phase): Promise<void> {
    const kind = error instanceof ConnectorError ? error.kind : null;
    const message = error instanceof Error ? error.message : String(error);
    const label = PLATFORM_LABELS[row.platform as Platform];
    const stay =
      phase === 'check' || phase === 'poll' ? (row.status as 'outcome_unknown' | 'pending_remote') : 'queued';
    // A send that failed without an answer may still have reached the platform.
    const unknownAfterSend = phase === 'send' ? 'outcome_unknown' : stay;
    const base: JobChanges = { last_error: message, error_kind: kind ?? 'internal' };
    switch (kind) {
      case 'network':
      case 'timeout':
        await this.lease.release(
          row,
          {
            ...base,
            status: unknownAfterSend,
            next_attempt_at: this.lease.after(this.settings.offlineWaitMs),
            // Offline is not the post's fault: the attempt is given back.
            attempts: phase === 'send' ? Math.max(0, row.attempts - 1) : row.attempts,
          },
          'waiting_network',
          phase === 'send'
            ? 'No answer from the platform; it will be checked when the network is back'
            : 'Offline; waiting for the network',
        );
        return;
      case 'rate_limited': {
        const resetAt =
          error instanceof ConnectorError && error.details.resetAt
            ? new Date(error.details.resetAt).toISOString()
            : this.lease.after(RATE_LIMIT_FALLBACK_MS);
        if (row.account_id) {
          await this.deps.jobs.saveRateLimit(
            row.account_id,
            { bucket: 'publish', limit: null, remaining: 0, resetAt },
            this.lease.now(),
          );
        }
        await this.lease.release(
          row,
          {
            ...base,
            status: stay,
            next_attempt_at: resetAt,
            attempts: phase === 'send' ? Math.max(0, row.attempts - 1) : row.attempts,
          },
          'waiting_rate_limit',
          `Rate limited by ${label}; trying again after ${resetAt}`,
        );
        return;
      }
      case 'invalid':
      case 'not_found':
        if (phase === 'check' && kind === 'not_found') {
          await this.lease.release(
            row,
            { ...base, status: 'queued', next_attempt_at: this.lease.now() },
            'not_on_platform',
            'The post is not on the platform; sending again',
          );
          return;
        }
        await this.lease.fail(row, kind, `${label} refused the post: ${message}`);
        return;
      case 'auth_expired':
      case 'auth_revoked':
      case 'missing_scope': {
        const reason = `${label} needs you to reconnect the account (${message}).`;
        if (row.account_id) await this.deps.tokens.markNeedsReconnect(row.account_id, reason);
        if (phase === 'check' || phase === 'poll') {
          // The post may be on the platform: keep looking once the account is reconnected.
          await this.lease.release(
            row,
            { ...base, status: stay, next_attempt_at: this.lease.after(this.settings.backoffBaseMs * 10) },
            'needs_reconnect',
            reason,
          );
          this.lease.notifyFailure(row, reason);
          return;
        }
        // On send, a 401/403 is the platform refusing the post: nothing was published.
        await this.lease.fail(row, kind, reason);
        return;
      }
      default: {
        if (kind === null) this.deps.logger.error({ err: error, jobId: row.id }, 'publish step failed unexpectedly');
        const attempts = row.attempts;
        if (phase !== 'send' && phase !== 'check' && phase !== 'poll' && attempts >= this.settings.maxAttempts) {
          await this.lease.fail(row, kind ?? 'internal', `${label} kept failing: ${message}`);
          return;
        }
        // A server error on send is checked before any resend: a 5xx may hide a created post.
        await this.lease.release(
          row,
          {
            ...base,
            status: unknownAfterSend,
            next_attempt_at: this.lease.after(backoffMs(Math.max(1, attempts), this.settings.backoffBaseMs)),
          },
          'retry_later',
          `${label} failed (${message}); trying again later`,
        );
      }
    }
  }
}
