import type { Selectable } from 'kysely';
import type { UsageOutcome } from '../../../shared/domain/llm';
import type { Db } from '../../db/database';
import type { LlmUsageTable } from '../../db/schema/llm';
import type { LlmErrorKind, LlmTask, ProviderId } from '../provider';

/** Why an attempt failed: a provider's error kind, or the router's own timeout. */
export type AttemptErrorKind = LlmErrorKind | 'timeout';

/** One provider call as the router saw it. */
export interface UsageRecord {
  requestId: string;
  task: LlmTask;
  provider: ProviderId;
  model: string;
  location: 'local' | 'cloud';
  fallbackPosition: number;
  outcome: UsageOutcome;
  errorKind: AttemptErrorKind | null;
  tokensIn: number;
  tokensOut: number;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  durationMs: number;
  costUsd: number;
  createdAt: string;
}

export interface StoredUsage extends UsageRecord {
  id: number;
  rating: number | null;
}

/** SQL for llm_usage rows. Each attempt is one insert, so a failed stream never leaves half a row. */
export class UsageRepository {
  constructor(private readonly db: Db) {}

  async insert(record: UsageRecord): Promise<number> {
    const row = await this.db
      .insertInto('llm_usage')
      .values({
        request_id: record.requestId,
        task: record.task,
        provider: record.provider,
        model: record.model,
        location: record.location,
        fallback_position: record.fallbackPosition,
        outcome: record.outcome,
        error_kind: record.errorKind,
        tokens_in: Math.max(0, Math.round(record.tokensIn)),
        tokens_out: Math.max(0, Math.round(record.tokensOut)),
        ttft_ms: record.ttftMs,
        tokens_per_second: record.tokensPerSecond,
        duration_ms: record.durationMs,
        cost_usd: record.costUsd,
        created_at: record.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findById(id: number): Promise<StoredUsage | null> {
    const row = await this.db.selectFrom('llm_usage').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toStoredUsage(row) : null;
  }

  async listByRequest(requestId: string): Promise<StoredUsage[]> {
    const rows = await this.db
      .selectFrom('llm_usage')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('fallback_position')
      .orderBy('id')
      .execute();
    return rows.map(toStoredUsage);
  }

  async setRating(id: number, rating: number): Promise<void> {
    await this.db.updateTable('llm_usage').set({ rating }).where('id', '=', id).execute();
  }

  /** Dollars recorded in [from, to). */
  async costBetween(from: string, to: string): Promise<number> {
    const row = await this.db
      .selectFrom('llm_usage')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('cost_usd'), eb.lit(0)).as('total'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(row.total);
  }
}

function toStoredUsage(row: Selectable<LlmUsageTable>): StoredUsage {
  return {
    id: row.id,
    requestId: row.request_id,
    task: row.task as LlmTask,
    provider: row.provider as ProviderId,
    model: row.model,
    location: row.location as 'local' | 'cloud',
    fallbackPosition: row.fallback_position,
    outcome: row.outcome as UsageOutcome,
    errorKind: row.error_kind as AttemptErrorKind | null,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    ttftMs: row.ttft_ms,
    tokensPerSecond: row.tokens_per_second,
    durationMs: row.duration_ms,
    costUsd: row.cost_usd,
    rating: row.rating,
    createdAt: row.created_at,
  };
}
