import type { Profile } from '../../shared/domain/profile';

/** A creator in Berlin (UTC+1 in winter, +2 in summer) for the reports tests. */
export const BERLIN_PROFILE: Profile = {
  name: 'Ada',
  niche: 'baking',
  platforms: ['x', 'linkedin'],
  timezone: 'Europe/Berlin',
  goal: { metric: 'followers', target: 10_000, deadline: '2027-06-30' },
  cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
};
