import { PLATFORM_LABELS, type Platform } from '../../../shared/domain/platform';

/** The answer of publishing:refresh-metrics, as far as the message needs it. */
export interface RefreshOutcome {
  snapshots: number;
  waiting: { platform: Platform; reason: string }[];
}

/** One sentence about a manual metrics refresh: what came in and who has to wait. */
export function refreshMessage(outcome: RefreshOutcome): string {
  const got =
    outcome.snapshots === 0
      ? 'No new numbers yet.'
      : `Got new numbers from ${outcome.snapshots} ${outcome.snapshots === 1 ? 'platform' : 'platforms'}.`;
  const waits = outcome.waiting.map((w) => `${PLATFORM_LABELS[w.platform]}: ${w.reason}`);
  return waits.length === 0 ? got : `${got} ${waits.join(' ')}`;
}
