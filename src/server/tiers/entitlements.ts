import type { Entitlements, Tier } from '../../shared/sync-api/accounts';

/** What each subscription tier includes. Enforced on the server, never trusted from the app. */
export const TIER_ENTITLEMENTS: Record<Tier, Entitlements> = {
  free: { devices: 2, aiTokensPerMonth: 50_000, relayPostsPerMonth: 30 },
  creator: { devices: 5, aiTokensPerMonth: 1_000_000, relayPostsPerMonth: 500 },
  pro: { devices: 20, aiTokensPerMonth: 5_000_000, relayPostsPerMonth: 5_000 },
};

/** The metering period: the calendar month in UTC, as `YYYY-MM`. */
export function usagePeriod(at: Date): string {
  return at.toISOString().slice(0, 7);
}
