import type { ProfileField } from './profileValidation';

/** DOM ids of the controls, so the error summary can link to and focus each field. */
export const FIELD_IDS: Record<ProfileField, string> = {
  name: 'profile-name',
  niche: 'profile-niche',
  platforms: 'profile-platform-x',
  timezone: 'profile-timezone',
  'goal.metric': 'profile-goal-metric',
  'goal.target': 'profile-goal-target',
  'goal.deadline': 'profile-goal-deadline',
  'cadence.postsPerWeek': 'profile-posts-per-week',
  'cadence.days': 'profile-day-mon',
};
