import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { PLATFORM_LABELS, type Platform } from '../../shared/domain/platform';
import {
  type ConnectorContext,
  ConnectorError,
  type PublishOutcome,
  type PublishRequest,
} from '../../main/publishing/providers/connector';
import type { ConnectorRegistry } from '../../main/publishing/providers/registry';
import { relaySealContext, sealedEnvelopeSchema } from '../../shared/sync-api/relay';
import { openRelayEnvelope, RelaySealError } from '../../main/publishing/relay/relay-seal';
import type { ServerDb } from '../db/schema';
import type { ServerMetrics } from '../observability/metrics';
import { refundQuota } from '../usage/usage-meter';
import { assertPublicHost, NonPublicHostError } from './public-host';
import type { RelayJobChanges, RelayJobRow, RelayJobsRepository } from './relay-jobs.repository';

/** Thrown by a test fault to abandon a step as if the process died: nothing more is written. */
export class RelayCrash extends Error {
  constructor() {
    super('simulated relay crash');
    this.name = 'RelayCrash';
  }
}

/** The step's own write found the lease gone: another worker has the job now. */
export class RelayLeaseLost extends Error {
  constructor(jobId: string) {
    super(`relay job ${jobId} lease lost`);
    this.name = 'RelayLeaseLost';
  }
}

/** Test-only fault points; production never sets them. A hook throwing RelayCrash "kills" the worker. */
export interface RelayFaults {
  /** The platform accepted the post; the commit that records it has not happened. */
  afterSendBeforeCommit?(job: RelayJobRow): void;
}

export interface RelayStepDeps {
  db: Kysely<ServerDb>;
  jobs: RelayJobsRepository;
  privateKey: KeyObject;
  connectors: ConnectorRegistry;
  metrics: ServerMetrics;
  logger: Logger;
  now: () => Date;
  owner: string;
  maxAttempts: number;
  backoffBaseMs: number;
  faults?: RelayFaults | undefined;
  /** Off in production: instance URLs come from users (see public-host.ts). */
  allowPrivateHosts?: boolean;
}

type Phase = 'prepare' | 'send' | 'check' | 'poll';

/**
 * One step of one leased relay job, the durable-queue way: `sending` is committed before the
 * platform is called; a crash, timeout or lost answer leaves `outcome_unknown`, whose next step
 * asks the platform for the post (`findExisting`) and sends again only if it is not there.
 */
export class RelayStep {
  constructor(private readonly deps: RelayStepDeps) {}

  async run(row: RelayJobRow): Promise<void> {
    let phase: Phase = 'prepare';
    let current = row;
    try {
      const { context, request, connector } = this.prepare(row);
      if (!this.deps.allowPrivateHosts) await assertPublicHost(context.baseUrl);
      if (row.status === 'outcome_unknown') {
        phase = 'check';
        const since = (row.first_sent_at ?? row.created_at).toISOString();
        const found = await connector.findExisting(context, request, since);
        if (found) return await this.settle(row, { status: 'published', ...found });
        if (row.attempts >= this.deps.maxAttempts) {
          return await this.fail(
            row,
            row.error_code ?? 'server',
            `Gave up after ${row.attempts} attempts: ${row.error_message ?? 'the platform kept failing'}`,
          );
        }
        await this.write(row, {
          status: 'queued',
          next_attempt_at: this.deps.now(),
          lease_owner: null,
          lease_expires_at: null,
        });
        return;
      }
      if (row.status === 'pending_remote') {
        phase = 'poll';
        const remote = (row.remote_state ?? {}) as Record<string, string | number | string[]>;
        return await this.settle(row, await connector.checkStatus(context, remote));
      }
      const now = this.deps.now();
      current = { ...row, status: 'sending', attempts: row.attempts + 1 };
      await this.write(row, { status: 'sending', attempts: row.attempts + 1, first_sent_at: row.first_sent_at ?? now });
      phase = 'send';
      const outcome = await connector.publish(context, request);
      this.deps.faults?.afterSendBeforeCommit?.(current);
      await this.settle(current, outcome);
    } catch (error) {
      if (error instanceof RelayCrash || error instanceof RelayLeaseLost) throw error;
      await this.handle(current, error, phase);
    }
  }

  private prepare(row: RelayJobRow) {
    const envelope = sealedEnvelopeSchema.safeParse(row.sealed);
    if (!envelope.success) throw new RelaySealError('The stored envelope is not a sealed relay post.');
    const context = relaySealContext({
      userId: row.user_id,
      idempotencyKey: row.idempotency_key,
      platform: row.platform,
    });
    const payload = openRelayEnvelope(this.deps.privateKey, envelope.data, context);
    const platform = row.platform as Platform;
    const connector = this.deps.connectors.connector(platform);
    if (!connector) throw new ConnectorError('invalid', `The relay cannot publish to ${PLATFORM_LABELS[platform]}.`);
    const connectorContext: ConnectorContext = {
      baseUrl: this.deps.connectors.baseUrl(platform, payload.account.instanceUrl),
      token: payload.token,
      account: payload.account,
    };
    const request: PublishRequest = {
      parts: payload.request.parts,
      media: [],
      idempotencyKey: row.idempotency_key,
      ...(payload.request.title ? { title: payload.request.title } : {}),
      ...(payload.request.tags ? { tags: payload.request.tags } : {}),
    };
    return { context: connectorContext, request, connector };
  }

  private async settle(row: RelayJobRow, outcome: PublishOutcome): Promise<void> {
    if (outcome.status === 'pending') {
      await this.write(row, {
        status: 'pending_remote',
        remote_state: JSON.stringify(outcome.remote),
        next_attempt_at: new Date(this.deps.now().getTime() + outcome.checkAfterMs),
        lease_owner: null,
        lease_expires_at: null,
      });
      return;
    }
    const now = this.deps.now();
    await this.write(row, {
      status: 'published',
      external_id: outcome.externalId,
      url: outcome.url,
      published_at: now,
      remote_state: null,
      error_code: null,
      error_message: null,
      next_attempt_at: null,
      lease_owner: null,
      lease_expires_at: null,
    });
    this.deps.metrics.relayOutcomes.labels('published').inc();
  }

  /** What an error means for the job, by its kind and where the step stood. */
  private async handle(row: RelayJobRow, error: unknown, phase: Phase): Promise<void> {
    const label = PLATFORM_LABELS[row.platform as Platform] ?? row.platform;
    if (error instanceof RelaySealError) return this.fail(row, 'sealed_unreadable', error.message);
    if (error instanceof NonPublicHostError) return this.fail(row, 'invalid', error.message);
    const kind = error instanceof ConnectorError ? error.kind : null;
    const message = error instanceof Error ? error.message : String(error);
    if (kind === null) this.deps.logger.error({ err: error, relayJobId: row.id }, 'relay step failed unexpectedly');
    switch (kind) {
      case 'invalid':
      case 'not_found':
        return this.fail(row, kind, `${label} refused the post: ${message}`);
      case 'auth_expired':
      case 'auth_revoked':
      case 'missing_scope':
        return this.fail(
          row,
          kind,
          `${label} did not accept the token the relay was given (${message}). Reconnect the account in Cadence and hand the post over again.`,
        );
      case 'rate_limited': {
        // A refusal: nothing was posted, so a send waits for the window and goes out as queued again.
        const resetAt =
          error instanceof ConnectorError && error.details.resetAt ? new Date(error.details.resetAt) : null;
        const stay = phase === 'check' || phase === 'poll' ? row.status : 'queued';
        return this.retryLater(row, stay, kind, message, resetAt, phase === 'send');
      }
      default: {
        // timeout, network, server or unexpected: after a send the outcome is open.
        const next = phase === 'send' ? 'outcome_unknown' : phase === 'prepare' ? 'queued' : row.status;
        if (phase === 'prepare' && row.attempts >= this.deps.maxAttempts) {
          return this.fail(row, kind ?? 'internal', `The relay kept failing: ${message}`);
        }
        return this.retryLater(row, next, kind ?? 'internal', message, null, false);
      }
    }
  }

  private async retryLater(
    row: RelayJobRow,
    status: RelayJobRow['status'],
    code: string,
    message: string,
    at: Date | null,
    undoAttempt: boolean,
  ): Promise<void> {
    const backoff = this.deps.backoffBaseMs * 2 ** Math.max(0, row.attempts - 1);
    const when = at ?? new Date(this.deps.now().getTime() + backoff);
    await this.write(row, {
      status,
      error_code: code,
      error_message: message,
      next_attempt_at: when,
      lease_owner: null,
      lease_expires_at: null,
      ...(undoAttempt ? { attempts: Math.max(0, row.attempts - 1) } : {}),
    });
    this.deps.metrics.relayOutcomes.labels(status === 'outcome_unknown' ? 'outcome_unknown' : 'retry').inc();
  }

  /**
   * Fails the job and gives its relay post back in the same transaction: a failed job is one the
   * platform refused or never received, or one it was asked about and does not have.
   */
  private async fail(row: RelayJobRow, code: string, message: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const owned = await this.deps.jobs.updateOwned(tx, row.id, this.deps.owner, {
        status: 'failed',
        error_code: code,
        error_message: message,
        next_attempt_at: null,
        lease_owner: null,
        lease_expires_at: null,
        updated_at: this.deps.now(),
      });
      if (!owned) throw new RelayLeaseLost(row.id);
      await refundQuota(tx, { userId: row.user_id, kind: 'relay_posts', amount: 1, period: row.quota_period });
    });
    this.deps.metrics.relayOutcomes.labels('failed').inc();
  }

  private async write(row: RelayJobRow, changes: RelayJobChanges): Promise<void> {
    const owned = await this.deps.jobs.updateOwned(this.deps.db, row.id, this.deps.owner, {
      ...changes,
      updated_at: this.deps.now(),
    });
    if (!owned) throw new RelayLeaseLost(row.id);
  }
}
