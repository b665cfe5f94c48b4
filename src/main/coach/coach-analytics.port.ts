import type { Platform } from '../../shared/domain/platform';

/** One success factor as the coach uses it (a subset of what analytics returns). */
export interface CoachFactor {
  /** e.g. "format:carousel", "has:link", "hook:question". */
  feature: string;
  label: string;
  /** Relative change in engagement rate with the feature, in percent. */
  effectPercent: number;
  /** The bootstrap interval excludes 0. */
  confident: boolean;
  support: number;
}

export interface CoachFactors {
  available: boolean;
  /** Why not, when not available (e.g. "Need at least 20 posts…"). */
  reason: string | null;
  factors: CoachFactor[];
}

export interface CoachSlot {
  /** 0 = Monday … 6 = Sunday, creator-local. */
  weekday: number;
  hour: number;
  score: number;
  source: string;
}

/**
 * What the coach needs from analytics, narrowed so the coach can be tested on its own and keeps
 * working while the analytics service grows. `coach.setup.ts` adapts the AnalyticsService to it.
 */
export interface CoachAnalyticsPort {
  successFactors(): Promise<CoachFactors>;
  bestTimes(platform: Platform): Promise<CoachSlot[]>;
}
