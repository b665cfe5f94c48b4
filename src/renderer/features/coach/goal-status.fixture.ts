import type { GoalStatus } from '../../../shared/domain/coach';

/** A goal status for tests: 5,000 followers by 2027-03-31, with a forecast; override any field. */
export function goalStatusFixture(overrides: Partial<GoalStatus> = {}): GoalStatus {
  return {
    goal: { metric: 'followers', target: 5000, deadline: '2027-03-31', startedAt: '2026-10-01T00:00:00.000Z' },
    definition: 'Followers: each day, the sum over your accounts of the last known follower count.',
    unit: 'count',
    baseline: 2000,
    current: 3200,
    progressPercent: 40,
    daysLeft: 120,
    series: [
      { date: '2026-11-28', value: 3100 },
      { date: '2026-11-29', value: 3150 },
      { date: '2026-11-30', value: 3200 },
    ],
    needed: [
      { date: '2026-11-29', value: 3400 },
      { date: '2026-11-30', value: 3500 },
      { date: '2026-12-01', value: 3510 },
    ],
    neededToday: 3500,
    forecast: {
      available: true,
      method: 'drift',
      point: 4900,
      lower: 4300,
      upper: 5600,
      level: 0.8,
      probability: 0.62,
      daysOfData: 90,
      path: [
        { date: '2026-12-01', point: 3210, lower: 3190, upper: 3230 },
        { date: '2026-12-02', point: 3220, lower: 3185, upper: 3255 },
      ],
    },
    milestones: [],
    uncelebrated: [],
    successPath: [],
    streak: { current: 3, best: 5, unit: 'weeks', thisWeek: { published: 2, target: 3 } },
    ...overrides,
  };
}
