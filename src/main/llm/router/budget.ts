import type { LlmSettings } from '../../../shared/domain/llm';
import type { ClockPort } from '../../platform/clock/types';
import { calendarMonthOf } from '../usage/calendar-month';
import type { UsageRepository } from '../usage/usage.repository';
import { formatUsd } from './cost';

export type BudgetVerdict = { ok: true; release: () => void } | { ok: false; reason: string };

/**
 * The cost ceilings, checked before a paid call starts. An approved estimate stays reserved
 * until the call is recorded, so two generations running at once cannot both slip under the
 * monthly ceiling on the same remaining dollars.
 */
export class BudgetGuard {
  private reservedUsd = 0;

  constructor(
    private readonly usage: UsageRepository,
    private readonly clock: ClockPort,
  ) {}

  async reserve(estimateUsd: number, settings: LlmSettings): Promise<BudgetVerdict> {
    // Free (local) calls are never refused, even when the month's money is spent.
    if (estimateUsd <= 0) return { ok: true, release: () => {} };
    if (estimateUsd > settings.perGenerationCeilingUsd) {
      return {
        ok: false,
        reason: `estimated ${formatUsd(estimateUsd)} is above the ${formatUsd(settings.perGenerationCeilingUsd)} per-generation ceiling`,
      };
    }
    const { from, to } = calendarMonthOf(this.clock.now());
    const spent = (await this.usage.costBetween(from, to)) + this.reservedUsd;
    if (spent + estimateUsd > settings.monthlyCeilingUsd) {
      return {
        ok: false,
        reason: `${formatUsd(spent)} spent this month; ${formatUsd(estimateUsd)} more would pass the ${formatUsd(settings.monthlyCeilingUsd)} monthly ceiling`,
      };
    }
    this.reservedUsd += estimateUsd;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.reservedUsd -= estimateUsd;
      },
    };
  }

  async spentThisMonth(): Promise<number> {
    const { from, to } = calendarMonthOf(this.clock.now());
    return this.usage.costBetween(from, to);
  }
}
