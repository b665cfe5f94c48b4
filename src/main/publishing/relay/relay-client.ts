import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';
import { ContractError } from '../../../shared/contract/errors';
import type { EventBus } from '../../contract/event-bus';
import type { AppDatabase } from '../../db/database';
import type { ClockPort } from '../../platform/clock/types';
import type { Logger } from '../../platform/logger/logger';
import { JobRepository, type PublishJobRow } from '../queue/job.repository';
import type { TokensPort } from '../queue/ports';
import { type RelayJob, type RelayPayload, relaySealContext } from '../../../shared/sync-api/relay';
import { RelayHttp, RelayHttpError } from './relay-http';
import { buildRelayPayload } from './relay-payload';
import { settleRelayResult } from './relay-settle';
import { sealForRelay } from './relay-seal';
import { RELAY_OWNER, RelayStore } from './relay-store';

/** Who is signed in to the sync service (CloudSession.current()), and its access token. */
export interface RelaySession {
  current(): { serverUrl: string; userId: string } | null;
  accessToken(): Promise<string>;
}

export interface RelayClientDeps {
  database: AppDatabase;
  clock: ClockPort;
  logger: Logger;
  /** The accounts domain's tokens port (the same one the queue uses). */
  tokens: TokensPort;
  session: RelaySession;
  /** The data folder (media paths); posts with media are not relayed. */
  dataDir: string;
  events?: EventBus;
  fetch?: typeof fetch;
}

/** Results are pulled again from this far back: writes on the server commit out of order. */
const CURSOR_OVERLAP_MS = 2 * 60_000;

/**
 * The desktop side of the publish relay. `handOff` seals a queued job's token and post to the
 * relay's key and gives it to the sync service; the local job becomes `relayed` (the runner
 * never takes it). `pullResults` settles relayed jobs from the relay's results (published with
 * the link, or failed with the reason); `takeBack` returns a job the relay has not started.
 */
export class RelayClient {
  private readonly store: RelayStore;
  private readonly jobs: JobRepository;

  constructor(private readonly deps: RelayClientDeps) {
    this.store = new RelayStore(deps.database.db);
    this.jobs = new JobRepository(deps.database.db);
  }

  /** Opts a connected account in or out of the relay. */
  async setAccountRelay(accountId: string, enabled: boolean): Promise<void> {
    await this.store.setAccount(accountId, enabled, this.now());
  }

  relayAccounts(): Promise<string[]> {
    return this.store.accounts();
  }

  /** Hands over every queued, never-sent job of the opted-in accounts; reports the ones that stay. */
  async handOffEligible(): Promise<{ handed: string[]; kept: { jobId: string; reason: string }[] }> {
    const handed: string[] = [];
    const kept: { jobId: string; reason: string }[] = [];
    for (const jobId of await this.store.eligibleJobIds()) {
      try {
        await this.handOff(jobId);
        handed.push(jobId);
      } catch (error) {
        if (!(error instanceof ContractError)) throw error;
        kept.push({ jobId, reason: error.message });
        // Offline or signed out: the rest would fail the same way.
        if (error.code === 'UNAVAILABLE' || error.code === 'UNAUTHORIZED') break;
      }
    }
    return { handed, kept };
  }

  /**
   * Hands one queued job to the relay. The job is marked `relayed` BEFORE the server is asked, so
   * the local runner cannot send it meanwhile; a refusal puts it back in the queue, and a lost
   * answer leaves it relayed until `pullResults` asks again with the same idempotency key.
   */
  async handOff(jobId: string): Promise<PublishJobRow> {
    const session = this.requireSession();
    const row = await this.jobs.find(jobId);
    if (!row) throw new ContractError('NOT_FOUND', 'No such publish job');
    const label = PLATFORM_LABELS[row.platform as Platform];
    if (row.status === 'relayed') {
      await this.confirm(row, session);
      return (await this.jobs.find(jobId)) ?? row;
    }
    if (row.status !== 'queued' || row.attempts > 0) {
      throw new ContractError(
        'CONFLICT',
        `Only a post still waiting in the queue can go to the relay (this one is ${row.status}).`,
      );
    }
    const accountId = row.account_id ?? (await this.jobs.connectedAccount(row.platform as Platform));
    if (!accountId) throw new ContractError('CONFLICT', `No ${label} account is connected.`);
    if (!(await this.store.isAccountEnabled(accountId))) {
      throw new ContractError(
        'FORBIDDEN',
        `The relay is off for this ${label} account; turn it on in the account's settings first.`,
      );
    }
    const payload = await this.payload(row, accountId);
    const http = this.http(session.serverUrl);
    const key = await http.publicKey();
    const sealed = sealForRelay(key.publicKeyPem, payload, this.context(row, session.userId));

    const now = this.now();
    const marked = await this.deps.database.transaction(async (tx) => {
      const ok = await this.jobs.updateIfStatus(
        row.id,
        ['queued'],
        {
          status: 'relayed',
          account_id: accountId,
          lease_owner: RELAY_OWNER,
          lease_expires_at: null,
          next_attempt_at: null,
          updated_at: now,
        },
        tx,
      );
      if (!ok) return false;
      await this.store.insertHandoff(
        {
          job_id: row.id,
          server_url: session.serverUrl,
          relay_job_id: null,
          handed_at: now,
          remote_status: null,
          updated_at: now,
        },
        tx,
      );
      await this.jobs.addEvent(
        row.id,
        now,
        'relayed',
        'Handed to the Cadence relay; it publishes at the scheduled time',
        tx,
      );
      return true;
    });
    if (!marked)
      throw new ContractError('CONFLICT', 'The queue started this post meanwhile; it is published from this device.');
    this.changed(row, 'relayed');
    await this.submit({ ...row, status: 'relayed' }, session.serverUrl, sealed);
    return (await this.jobs.find(jobId)) ?? row;
  }

  /**
   * Takes a relayed job back into the local queue, if the relay has not started it (409 CONFLICT
   * otherwise: its result will arrive through `pullResults`).
   */
  async takeBack(jobId: string): Promise<PublishJobRow> {
    const session = this.requireSession();
    const row = await this.jobs.find(jobId);
    if (!row) throw new ContractError('NOT_FOUND', 'No such publish job');
    if (row.status !== 'relayed') throw new ContractError('CONFLICT', 'This post is not with the relay.');
    let handoff = await this.store.handoff(jobId);
    if (handoff && !handoff.relay_job_id) {
      // The hand-off was never confirmed: ask again (same key, same job) to learn its id.
      await this.confirm(row, session);
      handoff = await this.store.handoff(jobId);
    }
    if (handoff?.relay_job_id) {
      try {
        await this.http(handoff.server_url).cancelJob(handoff.relay_job_id);
      } catch (error) {
        if (!(error instanceof RelayHttpError) || error.serverCode !== 'not_found') throw error;
      }
    }
    await this.requeue(row, 'taken_back', 'Taken back from the relay; this device publishes it');
    return (await this.jobs.find(jobId)) ?? row;
  }

  /** Confirms lost hand-offs, then settles relayed jobs from the relay's results. Returns how many settled. */
  async pullResults(): Promise<{ settled: number }> {
    const session = this.requireSession();
    for (const handoff of await this.store.unconfirmed(session.serverUrl)) {
      const row = await this.jobs.find(handoff.job_id);
      if (row?.status === 'relayed') await this.confirm(row, session).catch((error: unknown) => this.logFailure(error));
    }
    const http = this.http(session.serverUrl);
    let since = await this.store.cursor(session.serverUrl);
    let settled = 0;
    for (;;) {
      const page = await http.listJobs(since);
      for (const job of page.jobs) if (await this.apply(job)) settled += 1;
      const last = page.jobs.at(-1);
      if (page.hasMore && last) {
        since = last.updatedAt;
        continue;
      }
      const next = new Date(Date.parse(page.serverTime) - CURSOR_OVERLAP_MS).toISOString();
      await this.store.setCursor(session.serverUrl, next);
      return { settled };
    }
  }

  private async apply(job: RelayJob): Promise<boolean> {
    const local = await this.store.relayedByKey(job.idempotencyKey);
    if (!local) return false;
    const row = await this.jobs.find(local.jobId);
    if (!row) return false;
    if (job.status === 'cancelled') {
      // Cancelled on the server but still relayed here (a take-back that stopped half-way).
      await this.requeue(row, 'taken_back', 'The relay no longer has this post; this device publishes it');
      return true;
    }
    const settle = {
      database: this.deps.database,
      jobs: this.jobs,
      store: this.store,
      clock: this.deps.clock,
      dataDir: this.deps.dataDir,
      ...(this.deps.events ? { events: this.deps.events } : {}),
    };
    return settleRelayResult(settle, row, job);
  }

  /** POSTs the job again with its idempotency key (the same relay job) and records the answer. */
  private async confirm(row: PublishJobRow, session: { serverUrl: string; userId: string }): Promise<void> {
    const accountId = row.account_id;
    if (!accountId) throw new ContractError('CONFLICT', 'The relayed job has no account.');
    const payload = await this.payload(row, accountId);
    const key = await this.http(session.serverUrl).publicKey();
    await this.submit(
      row,
      session.serverUrl,
      sealForRelay(key.publicKeyPem, payload, this.context(row, session.userId)),
    );
  }

  private async submit(row: PublishJobRow, serverUrl: string, sealed: ReturnType<typeof sealForRelay>): Promise<void> {
    try {
      const job = await this.http(serverUrl).createJob({
        idempotencyKey: row.idempotency_key,
        platform: row.platform as Platform,
        dueAt: row.due_at,
        sealed,
      });
      await this.store.updateHandoff(row.id, {
        relay_job_id: job.id,
        remote_status: job.status,
        updated_at: this.now(),
      });
    } catch (error) {
      if (error instanceof RelayHttpError && error.definitive) {
        await this.requeue(row, 'relay_refused', `The relay refused the post: ${error.message}`);
      }
      // Otherwise the answer was lost: the job stays relayed and pullResults asks again.
      throw error;
    }
  }

  /** Back to the local queue (only from `relayed`), the hand-off forgotten. */
  private async requeue(row: PublishJobRow, step: string, detail: string): Promise<void> {
    const now = this.now();
    await this.deps.database.transaction(async (tx) => {
      const ok = await this.jobs.updateIfStatus(
        row.id,
        ['relayed'],
        { status: 'queued', lease_owner: null, lease_expires_at: null, next_attempt_at: null, updated_at: now },
        tx,
      );
      if (!ok) return;
      await this.store.deleteHandoff(row.id, tx);
      await this.jobs.addEvent(row.id, now, step, detail, tx);
    });
    this.changed(row, step);
  }

  private payload(row: PublishJobRow, accountId: string): Promise<RelayPayload> {
    const { database, dataDir, tokens } = this.deps;
    return buildRelayPayload({ db: database.db, jobs: this.jobs, dataDir, tokens }, row, accountId);
  }

  private context(row: PublishJobRow, userId: string): string {
    return relaySealContext({ userId, idempotencyKey: row.idempotency_key, platform: row.platform });
  }

  private requireSession(): { serverUrl: string; userId: string } {
    const session = this.deps.session.current();
    if (!session) throw new ContractError('UNAUTHORIZED', 'Sign in to Cadence sync to use the publish relay.');
    return session;
  }

  private http(serverUrl: string): RelayHttp {
    return new RelayHttp({
      serverUrl,
      accessToken: () => this.deps.session.accessToken(),
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
  }

  private changed(row: PublishJobRow, reason: string): void {
    this.deps.events?.emit('publishing:changed', { jobIds: [row.id], postIds: [row.post_id], reason });
  }

  private logFailure(error: unknown): void {
    this.deps.logger.warn({ err: error }, 'relay hand-off could not be confirmed yet');
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
