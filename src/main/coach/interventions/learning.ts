import { INTERVENTION_RULES, type InterventionRule, type RuleInsight } from '../../../shared/domain/coach';

export const QUIET_AFTER_DISMISSALS = 3;
export const QUIET_INTERVAL_DAYS = 14;

export interface RuleOutcome {
  rule: string;
  status: string;
  /** How many times the creator snoozed it (from its response log). */
  snoozes: number;
}

const RULE_NAMES: Record<InterventionRule, string> = {
  'missed-cadence': 'reminders to keep your posting rhythm',
  'engagement-falling': 'alerts about falling engagement',
  'token-expired': 'reconnect reminders',
  'drafts-piling-up': 'nudges to schedule waiting drafts',
};

/**
 * What the creator does with each rule's interventions. The act rate is the mean of a Beta(1,1)
 * prior updated with acted (successes) and dismissed (failures): a rule never shown scores 0.5,
 * and one response cannot push it to 0 or 1. Snoozes say "not now", so they count for neither.
 */
export function ruleInsights(outcomes: readonly RuleOutcome[]): RuleInsight[] {
  return INTERVENTION_RULES.map((rule) => {
    const mine = outcomes.filter((o) => o.rule === rule);
    const acted = mine.filter((o) => o.status === 'acted').length;
    const dismissed = mine.filter((o) => o.status === 'dismissed').length;
    const snoozed = mine.reduce((s, o) => s + o.snoozes, 0);
    const actRate = (acted + 1) / (acted + dismissed + 2);
    const quieted = dismissed >= QUIET_AFTER_DISMISSALS && acted === 0;
    return { rule, acted, dismissed, snoozed, actRate, quieted, sentence: sentence(rule, acted, dismissed, quieted) };
  });
}

function sentence(rule: InterventionRule, acted: number, dismissed: number, quieted: boolean): string {
  const name = RULE_NAMES[rule];
  const total = acted + dismissed;
  if (quieted)
    return `You have dismissed ${name} ${dismissed} times, so the coach shows them at most once every ${QUIET_INTERVAL_DAYS} days.`;
  if (total === 0) return `No responses to ${name} yet.`;
  if (acted > dismissed) return `You usually act on ${name} (${acted} of ${total}).`;
  if (acted < dismissed) return `You usually dismiss ${name} (${dismissed} of ${total}).`;
  return `You act on ${name} about half the time (${acted} of ${total}).`;
}
