import { sql, type RawBuilder } from 'kysely';
import type { UsageReport, UsageStats } from '../../../shared/domain/llm';
import type { Db } from '../../db/database';

type Grouping = 'day' | 'task' | 'provider' | 'model';

/** SQL for each grouping; days are UTC because created_at is stored in UTC. */
const KEYS: Record<Grouping, RawBuilder<string>> = {
  day: sql<string>`substr(created_at, 1, 10)`,
  task: sql<string>`task`,
  provider: sql<string>`provider`,
  model: sql<string>`provider || '/' || model`,
};

interface StatsRow {
  key: string;
  calls: number;
  ok: number | null;
  cancelled: number | null;
  errors: number | null;
  tokens_in: number | null;
  tokens_out: number | null;
  avg_ttft_ms: number | null;
  avg_tokens_per_second: number | null;
  avg_rating: number | null;
  total_cost_usd: number | null;
}

/** Dashboard aggregations over llm_usage for [from, to). */
export class UsageReporter {
  constructor(private readonly db: Db) {}

  async report(from: string, to: string, month: UsageReport['month']): Promise<UsageReport> {
    const [totals] = await this.stats(from, to, null);
    const [byDay, byTask, byProvider, byModel] = await Promise.all(
      (['day', 'task', 'provider', 'model'] as const).map((g) => this.stats(from, to, g)),
    );
    return {
      from,
      to,
      totals: totals ?? emptyStats('all'),
      byDay: byDay ?? [],
      byTask: byTask ?? [],
      byProvider: byProvider ?? [],
      byModel: byModel ?? [],
      localShare: await this.localShare(from, to),
      month,
    };
  }

  private async stats(from: string, to: string, grouping: Grouping | null): Promise<UsageStats[]> {
    const key = grouping ? KEYS[grouping] : sql<string>`'all'`;
    const query = this.db
      .selectFrom('llm_usage')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .select([
        key.as('key'),
        sql<number>`count(*)`.as('calls'),
        sql<number | null>`sum(outcome = 'ok')`.as('ok'),
        sql<number | null>`sum(outcome = 'cancelled')`.as('cancelled'),
        sql<number | null>`sum(outcome = 'error')`.as('errors'),
        sql<number | null>`sum(tokens_in)`.as('tokens_in'),
        sql<number | null>`sum(tokens_out)`.as('tokens_out'),
        sql<number | null>`avg(ttft_ms)`.as('avg_ttft_ms'),
        sql<number | null>`avg(tokens_per_second)`.as('avg_tokens_per_second'),
        sql<number | null>`avg(rating)`.as('avg_rating'),
        sql<number | null>`sum(cost_usd)`.as('total_cost_usd'),
      ]);
    const rows: StatsRow[] = grouping
      ? await query.groupBy(key).orderBy(key).execute()
      : // Without a group, SQLite still returns one row (count 0) for an empty range.
        await query.execute();
    return rows.map(toStats);
  }

  /** Of the generations that succeeded, how many ran on this device. */
  private async localShare(from: string, to: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('llm_usage')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('outcome', '=', 'ok')
      .select([sql<number>`count(*)`.as('ok'), sql<number | null>`sum(location = 'local')`.as('local')])
      .executeTakeFirstOrThrow();
    return row.ok > 0 ? Number(row.local ?? 0) / row.ok : null;
  }
}

function toStats(row: StatsRow): UsageStats {
  return {
    key: row.key,
    calls: Number(row.calls),
    ok: Number(row.ok ?? 0),
    cancelled: Number(row.cancelled ?? 0),
    errors: Number(row.errors ?? 0),
    tokensIn: Number(row.tokens_in ?? 0),
    tokensOut: Number(row.tokens_out ?? 0),
    avgTtftMs: row.avg_ttft_ms,
    avgTokensPerSecond: row.avg_tokens_per_second,
    avgRating: row.avg_rating,
    totalCostUsd: Number(row.total_cost_usd ?? 0),
  };
}

function emptyStats(key: string): UsageStats {
  return toStats({
    key,
    calls: 0,
    ok: 0,
    cancelled: 0,
    errors: 0,
    tokens_in: 0,
    tokens_out: 0,
    avg_ttft_ms: null,
    avg_tokens_per_second: null,
    avg_rating: null,
    total_cost_usd: 0,
  });
}
