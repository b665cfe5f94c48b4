import type { GoalStatus } from '../../../shared/domain/coach';
import { formatFigure } from './plan-facts';

const METRIC_NAMES: Record<GoalStatus['goal']['metric'], string> = {
  followers: 'Followers',
  impressions: 'Impressions (last 30 days)',
  engagement_rate: 'Engagement rate (last 30 days)',
  posts_published: 'Posts published',
  revenue: 'Revenue',
};

/** One sentence on the goal: where the creator is, how far along, and the chance to make it. */
export function goalLine(status: GoalStatus): string {
  const { goal, unit } = status;
  const progress = status.progressPercent === null ? '' : ` (${Math.round(status.progressPercent)} % of the way)`;
  const chance = status.forecast.available
    ? `${Math.round(status.forecast.probability * 100)} % chance to reach it by ${goal.deadline}`
    : status.forecast.reason.replace(/\.$/, '');
  const left = status.daysLeft > 0 ? `${status.daysLeft} days left` : 'deadline reached';
  return `${METRIC_NAMES[goal.metric]}: ${formatFigure(status.current, unit)} of ${formatFigure(goal.target, unit)}${progress}, ${left}; ${chance}.`;
}
