import type { AccountGrowth, FollowerPoint } from '../../shared/domain/analytics';
import type { Platform } from '../../shared/domain/platform';
import { fillForward, growth } from './math/growth';

export interface FollowerGrowthResult {
  accounts: AccountGrowth[];
  total: FollowerPoint[];
  followersStart: number | null;
  followersEnd: number | null;
  followerGrowth: number | null;
  followerGrowthPercent: number | null;
}

/**
 * Daily followers per account and in total over [from, to], each account carried forward from its
 * last observation (a missed sync keeps the level, it does not drop to zero). Totals add up the
 * accounts that had been observed by then; days before any observation are left out, not invented.
 */
export function followerGrowth(
  accounts: readonly { id: string; platform: string; handle: string }[],
  points: readonly { account_id: string; date: string; followers: number }[],
  from: string,
  to: string,
): FollowerGrowthResult {
  const byAccount = new Map<string, { date: string; value: number }[]>();
  for (const p of points) {
    let list = byAccount.get(p.account_id);
    if (!list) byAccount.set(p.account_id, (list = []));
    list.push({ date: p.date, value: p.followers });
  }
  const totalByDay = new Map<string, number>();
  let start: number | null = null;
  let end: number | null = null;
  const out: AccountGrowth[] = [];
  for (const account of accounts) {
    const series = byAccount.get(account.id);
    if (!series || series.length === 0) continue;
    const filled = fillForward(series, from, to);
    for (const p of filled) totalByDay.set(p.date, (totalByDay.get(p.date) ?? 0) + p.value);
    out.push({
      accountId: account.id,
      platform: account.platform as Platform,
      handle: account.handle,
      series: filled.map((p) => ({ date: p.date, followers: p.value })),
    });
    const g = growth(series, from, to);
    if (g) {
      start = (start ?? 0) + g.start;
      end = (end ?? 0) + g.end;
    }
  }
  const total = [...totalByDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, followers]) => ({ date, followers }));
  const absolute = start !== null && end !== null ? end - start : null;
  return {
    accounts: out,
    total,
    followersStart: start,
    followersEnd: end,
    followerGrowth: absolute,
    followerGrowthPercent: absolute !== null && start !== null && start > 0 ? (absolute / start) * 100 : null,
  };
}
