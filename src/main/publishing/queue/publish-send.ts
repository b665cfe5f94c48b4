import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import type { AppDatabase } from '../../db/database';
import { ConnectorError, type PublishOutcome } from '../providers/connector';
import type { ConnectorCalls } from './connector-calls';
import type { JobLease } from './job-lease';
import type { JobRepository, PublishJobRow } from './job.repository';
import type { OutcomeSettler } from './outcome-settle';
import type { QueuePorts } from './ports';
import { buildRequest } from './publish-request';
import type { Work } from './step-work';

export interface SendDeps {
  database: AppDatabase;
  jobs: JobRepository;
  dataDir: string;
  /** Read at each step: tests set `faults` on the ports they attached. */
  ports: QueuePorts;
}

/**
 * Sending a held job: its account, connector and request are gathered (a job that cannot be sent
 * is settled here), rate limits and the platform's rules are checked, `sending` is committed, and
 * only then is the platform called (a 401 refreshes the token once and sends again).
 */
export class JobSender {
  constructor(
    private readonly deps: SendDeps,
    private readonly lease: JobLease,
    private readonly calls: ConnectorCalls,
    private readonly settler: OutcomeSettler,
  ) {}

  /** Account, connector and request of a job; null when the job was settled here (failed, cancelled). */
  async prepare(row: PublishJobRow): Promise<Work | null> {
    const platform = row.platform as Platform;
    const label = PLATFORM_LABELS[platform];
    const connector = this.deps.ports.connectors(platform);
    if (!connector) {
      await this.lease.fail(row, 'unsupported', `Publishing to ${label} is not available in this version yet.`);
      return null;
    }
    let accountId = row.account_id;
    if (!accountId) {
      accountId = await this.deps.jobs.connectedAccount(platform);
      if (!accountId) {
        await this.lease.fail(
          row,
          'no_account',
          `No ${label} account is connected. Connect one in Accounts, then retry.`,
        );
        return null;
      }
      // Saved with the job's next write (`sending` before any send), not a transaction of its own.
      this.lease.remember(row.id, { account_id: accountId });
      row = { ...row, account_id: accountId };
    }
    const built = await buildRequest(
      this.deps.database.db,
      this.deps.jobs,
      this.deps.dataDir,
      row.post_id,
      row.idempotency_key,
    );
    if (!built || (built.deleted && row.status === 'leased')) {
      await this.lease.write(
        row,
        { status: 'cancelled', lease_owner: null, lease_expires_at: null },
        'cancelled',
        'The post was deleted',
      );
      return null;
    }
    const request = built.request;
    return { row, accountId, connector, request, rateLimits: [] };
  }

  async send(work: Work): Promise<void> {
    const { row } = work;
    const blocked = await this.deps.jobs.blockedUntil(work.accountId, this.lease.now());
    if (blocked) {
      await this.lease.release(
        row,
        { status: 'queued', next_attempt_at: blocked },
        'waiting_rate_limit',
        `Rate limit; sending after ${blocked}`,
      );
      return;
    }
    const errors = work.connector.validate(work.request).filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      await this.lease.fail(row, 'invalid', errors.map((f) => f.message).join(' '));
      return;
    }
    let context = await this.calls.context(work);
    this.deps.ports.faults?.beforeSending?.(row);
    const attempts = row.attempts + 1;
    await this.lease.write(
      row,
      { status: 'sending', attempts, next_attempt_at: null },
      'sending',
      `Attempt ${attempts}`,
    );
    work.row = { ...row, status: 'sending', attempts };
    this.lease.changed([work.row], 'sending');
    let outcome: PublishOutcome;
    try {
      outcome = await work.connector.publish(this.calls.withRateLimits(context, work), work.request);
    } catch (error) {
      // A 401 means the platform refused the post: refresh the token once and send again.
      if (!(error instanceof ConnectorError) || error.kind !== 'auth_expired') throw error;
      context = await this.calls.refreshOnce(work, error);
      outcome = await work.connector.publish(this.calls.withRateLimits(context, work), work.request);
    }
    await this.settler.settle(work, outcome);
  }
}
