import type { AppDatabase } from '../../db/database';
import { ACCOUNT_INTERVAL_MS, STOP_AFTER_MS, nextPullAt } from './metrics-schedule';

export interface Candidate {
  id: number;
  post_id: string;
  platform: string;
  external_id: string;
  account_id: string;
  published_at: string;
  metrics_at: string | null;
}

export interface AccountInfo {
  id: string;
  platform: string;
  token_status: string | null;
}

/**
 * What is due when: live publications (their ageing schedule, or a wait after the platform left
 * them out), accounts' followers (an interval after the last capture or ask), and the rate limits
 * that hold an account back. Pulls record here what they asked and what they were not given.
 */
export class MetricsDue {
  /** When each account's followers were last asked for (a platform may give none). */
  readonly accountAsked = new Map<string, number>();
  /** Publications the platform did not return last time: left until their next interval. */
  readonly publicationWaits = new Map<number, number>();
  /** Accounts waiting after an error (ms epoch), kept in memory: a restart simply tries again. */
  readonly accountWaits = new Map<string, { until: number; reason: string }>();

  constructor(
    private readonly database: AppDatabase,
    private readonly accountIntervalMs: number,
  ) {}

  /** The next instant something is due (ms), or null when nothing will be. */
  async nextDueAt(now: Date): Promise<number | null> {
    const candidates = await this.candidates(now);
    const accounts = await this.connectedAccounts();
    let next: number | null = null;
    const consider = (ms: number): void => {
      next = next === null ? ms : Math.min(next, ms);
    };
    // Without these, an account that cannot be pulled now (waiting after a network error, or
    // needing a reconnect) would keep its publications due, and the timer would wake every second
    // to read them all again.
    const blocked = new Map<string, number>();
    const awaitingReconnect = new Set<string>();
    for (const account of accounts) {
      if (account.token_status === 'needs_reconnect') {
        awaitingReconnect.add(account.id);
        continue;
      }
      const limited = await this.blockedUntil(account.id, now);
      const waited = this.accountWaits.get(account.id)?.until ?? null;
      const until = limited === null && waited === null ? null : Math.max(limited ?? 0, waited ?? 0);
      if (until !== null) blocked.set(account.id, until);
      consider(Math.max(await this.accountDueAt(account.id, now), until ?? 0));
    }
    for (const row of candidates) {
      if (awaitingReconnect.has(row.account_id)) continue;
      const due = this.dueAt(row);
      if (due !== null) consider(Math.max(due, blocked.get(row.account_id) ?? 0));
    }
    return next;
  }

  dueAt(row: Candidate): number | null {
    const next = nextPullAt(row.published_at, row.metrics_at);
    if (next === null) return null;
    return Math.max(Date.parse(next), this.publicationWaits.get(row.id) ?? 0);
  }

  /** The latest reset of an exhausted bucket of the account, if ahead (the rows the queue writes too). */
  async blockedUntil(accountId: string, now: Date): Promise<number | null> {
    const row = await this.database.db
      .selectFrom('rate_limits')
      .select((eb) => eb.fn.max('reset_at').as('at'))
      .where('account_id', '=', accountId)
      .where('remaining', '<=', 0)
      .where('reset_at', '>', now.toISOString())
      .executeTakeFirst();
    return row?.at ? Date.parse(row.at) : null;
  }

  /** Live publications with an id on the platform, from a connected account, under 90 days old. */
  async candidates(now: Date, postId?: string): Promise<Candidate[]> {
    const since = new Date(now.getTime() - STOP_AFTER_MS - ACCOUNT_INTERVAL_MS).toISOString();
    let query = this.database.db
      .selectFrom('post_publications as pp')
      .innerJoin('accounts as a', 'a.id', 'pp.account_id')
      .innerJoin('posts as p', 'p.id', 'pp.post_id')
      .select([
        'pp.id',
        'pp.post_id',
        'pp.platform',
        'pp.external_id',
        'pp.account_id',
        'pp.published_at',
        'pp.metrics_at',
      ])
      .where('a.source', '=', 'connected')
      .where('pp.external_id', 'is not', null)
      .where('p.deleted_at', 'is', null)
      .where('pp.published_at', '>', since)
      .orderBy('pp.published_at');
    if (postId !== undefined) query = query.where('pp.post_id', '=', postId);
    const rows = await query.execute();
    return rows.filter((row): row is Candidate => row.external_id !== null && row.account_id !== null);
  }

  async connectedAccounts(): Promise<AccountInfo[]> {
    return this.database.db
      .selectFrom('accounts')
      .select(['id', 'platform', 'token_status'])
      .where('source', '=', 'connected')
      .orderBy('created_at')
      .execute();
  }

  /** When the account's followers are next due (ms): an interval after the last capture or ask. */
  async accountDueAt(accountId: string, now: Date): Promise<number> {
    const row = await this.database.db
      .selectFrom('account_metrics')
      .select((eb) => eb.fn.max('captured_at').as('at'))
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const last = Math.max(row?.at ? Date.parse(row.at) : -Infinity, this.accountAsked.get(accountId) ?? -Infinity);
    return Number.isFinite(last) ? last + this.accountIntervalMs : now.getTime();
  }
}
