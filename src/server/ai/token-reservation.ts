import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';
import type { ServerMetrics } from '../observability/metrics';
import { TIER_ENTITLEMENTS, usagePeriod } from '../tiers/entitlements';
import { consumeQuota, refundQuota } from '../usage/usage-meter';

/** What the upstream said one request cost. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * A request's hold on the month's cloud-AI tokens. The worst case (prompt estimate + answer limit)
 * is taken before the upstream is called, so concurrent requests cannot overspend the allowance
 * together; once the real usage is known the hold is settled to it — the difference refunded, or
 * (rarely: the estimate came in low) charged on top. A failed call gives everything back.
 */
export class TokenReservation {
  private settled = false;

  private constructor(
    private readonly db: Kysely<ServerDb>,
    private readonly metrics: ServerMetrics,
    private readonly userId: string,
    /** Fixed at reservation, so a request that spans midnight on the 1st settles where it reserved. */
    private readonly period: string,
    readonly reserved: number,
  ) {}

  /** Takes `amount` tokens from the user's allowance; throws 429 `quota_exceeded` if they do not fit. */
  static async take(
    deps: { db: Kysely<ServerDb>; metrics: ServerMetrics; now: Date },
    userId: string,
    amount: number,
  ): Promise<TokenReservation> {
    const user = await deps.db.selectFrom('users').select('tier').where('id', '=', userId).executeTakeFirstOrThrow();
    const period = usagePeriod(deps.now);
    const limit = TIER_ENTITLEMENTS[user.tier].aiTokensPerMonth;
    await consumeQuota(deps.db, { userId, kind: 'ai_tokens', amount, limit, period });
    return new TokenReservation(deps.db, deps.metrics, userId, period, amount);
  }

  /** Charges exactly `usage`: refunds the unused part of the hold, or charges what it missed. */
  async settle(usage: TokenUsage): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    this.metrics.aiTokens.labels('in').inc(usage.promptTokens);
    this.metrics.aiTokens.labels('out').inc(usage.completionTokens);
    const difference = usage.promptTokens + usage.completionTokens - this.reserved;
    const base = { userId: this.userId, kind: 'ai_tokens' as const, period: this.period };
    if (difference < 0) await refundQuota(this.db, { ...base, amount: -difference });
    // The tokens are already spent upstream, so they are recorded even past the limit; the next
    // request is then refused.
    else if (difference > 0)
      await consumeQuota(this.db, { ...base, amount: difference, limit: Number.MAX_SAFE_INTEGER });
  }

  /** The call produced nothing billable: the whole hold goes back. */
  async release(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await refundQuota(this.db, { userId: this.userId, kind: 'ai_tokens', amount: this.reserved, period: this.period });
  }
}
