import type { Goal } from '../../shared/domain/profile';
import { formatNumber } from './format';

export type GoalMetric = Goal['metric'];

export const GOAL_METRIC_LABELS: Record<GoalMetric, string> = {
  followers: 'Followers',
  impressions: 'Impressions',
  engagement_rate: 'Engagement rate (%)',
  posts_published: 'Posts published',
  revenue: 'Revenue',
};

/** "10,000 followers", "5% engagement rate", "2,500 in revenue". */
export function describeGoalTarget(goal: Pick<Goal, 'metric' | 'target'>): string {
  const value = formatNumber(goal.target);
  switch (goal.metric) {
    case 'followers':
      return `${value} followers`;
    case 'impressions':
      return `${value} impressions`;
    case 'engagement_rate':
      return `${value}% engagement rate`;
    case 'posts_published':
      return `${value} posts published`;
    case 'revenue':
      return `${value} in revenue`;
  }
}
