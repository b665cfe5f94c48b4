import type { Selectable } from 'kysely';
import type { AnalyticsAnomaly } from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import type { Db, Tx } from '../db/database';
import type { AnalyticsAnomaliesTable } from '../db/schema/analytics';

export interface NewAnomaly {
  accountId: string | null;
  metric: 'followers' | 'engagements';
  date: string;
  direction: 'spike' | 'drop';
  value: number;
  expected: number;
  score: number;
  cause: string;
}

type Row = Selectable<AnalyticsAnomaliesTable> & { handle: string | null; platform: string | null };

const keyOf = (accountId: string | null, metric: string, date: string): string =>
  `${accountId ?? ''}|${metric}|${date}`;

function toAnomaly(row: Row): AnalyticsAnomaly {
  return {
    id: row.id,
    accountId: row.account_id,
    accountHandle: row.handle,
    platform: row.platform as Platform | null,
    metric: row.metric as AnalyticsAnomaly['metric'],
    date: row.date,
    direction: row.direction as AnalyticsAnomaly['direction'],
    value: row.value,
    expected: row.expected,
    score: row.score,
    cause: row.cause,
    detectedAt: row.detected_at,
    notifiedAt: row.notified_at,
    dismissedAt: row.dismissed_at,
  };
}

/** The analytics_anomalies table: each (account, metric, day) is stored once, ever. */
export class AnomaliesStore {
  constructor(private readonly db: Db) {}

  private select(tx: Db | Tx = this.db) {
    return tx
      .selectFrom('analytics_anomalies as an')
      .leftJoin('accounts as a', 'a.id', 'an.account_id')
      .selectAll('an')
      .select(['a.handle', 'a.platform']);
  }

  /** Keys of every anomaly ever stored (dismissed ones too), so a scan never raises one twice. */
  async knownKeys(tx: Db | Tx = this.db): Promise<Set<string>> {
    const rows = await tx.selectFrom('analytics_anomalies').select(['account_id', 'metric', 'date']).execute();
    return new Set(rows.map((r) => keyOf(r.account_id, r.metric, r.date)));
  }

  static key(a: Pick<NewAnomaly, 'accountId' | 'metric' | 'date'>): string {
    return keyOf(a.accountId, a.metric, a.date);
  }

  /**
   * Inserts the anomalies not stored yet, in one transaction; returns the new ones. The unique
   * constraint covers account rows; the engagement series has no account (NULLs never collide in
   * SQLite), so the known-keys check inside the same transaction covers those.
   */
  async insertNew(anomalies: readonly NewAnomaly[], detectedAt: string, tx: Tx): Promise<AnalyticsAnomaly[]> {
    const known = await this.knownKeys(tx);
    const ids: number[] = [];
    for (const a of anomalies) {
      const key = AnomaliesStore.key(a);
      if (known.has(key)) continue;
      known.add(key);
      const row = await tx
        .insertInto('analytics_anomalies')
        .values({
          account_id: a.accountId,
          metric: a.metric,
          date: a.date,
          direction: a.direction,
          value: a.value,
          expected: a.expected,
          score: a.score,
          cause: a.cause,
          detected_at: detectedAt,
          notified_at: null,
          dismissed_at: null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) ids.push(row.id);
    }
    if (ids.length === 0) return [];
    const rows = await this.select(tx).where('an.id', 'in', ids).orderBy('an.date').orderBy('an.id').execute();
    return rows.map(toAnomaly);
  }

  async markNotified(ids: readonly number[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('analytics_anomalies')
      .set({ notified_at: at })
      .where('id', 'in', [...ids])
      .execute();
  }

  async list(filter: { from?: string; to?: string; includeDismissed?: boolean }): Promise<AnalyticsAnomaly[]> {
    let q = this.select();
    if (filter.from !== undefined) q = q.where('an.date', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('an.date', '<=', filter.to);
    if (!filter.includeDismissed) q = q.where('an.dismissed_at', 'is', null);
    const rows = await q.orderBy('an.date', 'desc').orderBy('an.id', 'desc').execute();
    return rows.map(toAnomaly);
  }

  /** Marks it dismissed (keeping the first dismissal time); null when there is no such anomaly. */
  async dismiss(id: number, at: string): Promise<AnalyticsAnomaly | null> {
    await this.db
      .updateTable('analytics_anomalies')
      .set({ dismissed_at: at })
      .where('id', '=', id)
      .where('dismissed_at', 'is', null)
      .execute();
    const row = await this.select().where('an.id', '=', id).executeTakeFirst();
    return row ? toAnomaly(row) : null;
  }
}
