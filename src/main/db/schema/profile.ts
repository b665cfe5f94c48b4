/** The single creator profile (id is always 1). Lists are JSON text. */
export interface ProfileTable {
  id: number;
  name: string;
  niche: string;
  platforms: string;
  timezone: string;
  goal_metric: string;
  goal_target: number;
  goal_deadline: string;
  cadence_posts_per_week: number;
  cadence_days: string;
  created_at: string;
  updated_at: string;
}
