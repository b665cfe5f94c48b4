import { type Kysely, sql } from 'kysely';
import type { ServerDb } from '../db/schema';
import { ApiError } from '../http/api-error';

export type UsageKind = 'ai_tokens' | 'relay_posts';

const LABEL: Record<UsageKind, string> = { ai_tokens: 'cloud-AI tokens', relay_posts: 'relay posts' };

/**
 * Takes `amount` from this month's allowance in one statement, so two instances racing for the
 * last units cannot both get them. Refuses with 429 `quota_exceeded` (and what is left) when the
 * allowance would be passed.
 */
export async function consumeQuota(
  db: Kysely<ServerDb>,
  input: { userId: string; kind: UsageKind; amount: number; limit: number; period: string },
): Promise<{ used: number }> {
  const { userId, kind, amount, limit, period } = input;
  const row = await sql<{ amount: number }>`
    INSERT INTO usage_counters (user_id, period, kind, amount)
    SELECT ${userId}, ${period}, ${kind}, ${amount}
    WHERE ${amount}::bigint <= ${limit}::bigint
    ON CONFLICT (user_id, period, kind)
    DO UPDATE SET amount = usage_counters.amount + excluded.amount
    WHERE usage_counters.amount + excluded.amount <= ${limit}::bigint
    RETURNING amount`.execute(db);
  const used = row.rows[0]?.amount;
  if (used === undefined) {
    const current = await usageOf(db, userId, kind, period);
    throw new ApiError(
      429,
      'quota_exceeded',
      `This month's ${LABEL[kind]} are used up (${current} of ${limit}). They renew on the 1st, or upgrade your plan.`,
      { kind, used: current, limit, period },
    );
  }
  return { used: Number(used) };
}

/** Gives back what was taken for work that did not happen (an upstream failure, a cancelled post). */
export async function refundQuota(
  db: Kysely<ServerDb>,
  input: { userId: string; kind: UsageKind; amount: number; period: string },
): Promise<void> {
  await db
    .updateTable('usage_counters')
    .set({ amount: sql`greatest(amount - ${input.amount}, 0)` })
    .where('user_id', '=', input.userId)
    .where('period', '=', input.period)
    .where('kind', '=', input.kind)
    .execute();
}

export async function usageOf(db: Kysely<ServerDb>, userId: string, kind: UsageKind, period: string): Promise<number> {
  const row = await db
    .selectFrom('usage_counters')
    .select('amount')
    .where('user_id', '=', userId)
    .where('period', '=', period)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.amount ?? 0);
}

export async function usageFor(
  db: Kysely<ServerDb>,
  userId: string,
  period: string,
): Promise<{ aiTokens: number; relayPosts: number }> {
  const [aiTokens, relayPosts] = await Promise.all([
    usageOf(db, userId, 'ai_tokens', period),
    usageOf(db, userId, 'relay_posts', period),
  ]);
  return { aiTokens, relayPosts };
}
