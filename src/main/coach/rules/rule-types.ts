import type { InterventionAction, InterventionRule } from '../../../shared/domain/coach';
import type { BacklogPost, CoachAccount } from '../coach-data.reader';

/** One publication as the rules see it: when, and its engagement rate (null: no denominator). */
export interface RulePublication {
  postId: string;
  title: string;
  publishedAt: string;
  engagementRate: number | null;
}

/** Everything the intervention rules read; built once per evaluation from the creator's data. */
export interface RuleContext {
  /** ISO instant. */
  now: string;
  /** The creator's local day. */
  today: string;
  timezone: string;
  postsPerWeek: number;
  publications: readonly RulePublication[];
  accounts: readonly CoachAccount[];
  /** Posts not yet out (idea, draft, ready, scheduled), oldest first. */
  backlog: readonly BacklogPost[];
}

/** A situation a rule found: raised as an intervention once while it lasts. */
export interface Situation {
  rule: InterventionRule;
  /** The rule plus its subject, e.g. "token-expired:acc-1"; the same key while the situation lasts. */
  situation: string;
  title: string;
  message: string;
  action: InterventionAction;
}

export type Rule = (context: RuleContext) => Situation[];

export const DAY_MS = 86_400_000;
