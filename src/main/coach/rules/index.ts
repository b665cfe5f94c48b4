import type { InterventionRule } from '../../../shared/domain/coach';
import { draftsPilingUp } from './drafts-piling-up';
import { engagementFalling } from './engagement-falling';
import { missedCadence } from './missed-cadence';
import type { Rule, RuleContext, Situation } from './rule-types';
import { tokenExpired } from './token-expired';

/** Every intervention rule, by name. */
export const RULES: Record<InterventionRule, Rule> = {
  'missed-cadence': missedCadence,
  'engagement-falling': engagementFalling,
  'token-expired': tokenExpired,
  'drafts-piling-up': draftsPilingUp,
};

/** Runs every rule over the context: the situations that hold right now. */
export function evaluateRules(context: RuleContext): Situation[] {
  return Object.values(RULES).flatMap((rule) => rule(context));
}

export type { RuleContext, Situation } from './rule-types';
