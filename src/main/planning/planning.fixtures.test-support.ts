import type { Platform } from '../../shared/domain/platform';
import type { Post, PostStatus } from '../../shared/domain/post';
import type { Profile } from '../../shared/domain/profile';
import type { TestCore } from '../../../test/support/test-core';

/** A valid profile for planning tests: LinkedIn on Tuesdays and Wednesdays, twice a week, in Berlin. */
export function planningProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'Rosa',
    niche: 'sourdough baking',
    platforms: ['linkedin'],
    timezone: 'Europe/Berlin',
    goal: { metric: 'followers', target: 2000, deadline: '2027-06-01' },
    cadence: { postsPerWeek: 2, days: ['tue', 'wed'] },
    ...overrides,
  };
}

/** A post on the calendar (scheduled unless another status is given). */
export async function postAt(
  t: TestCore,
  platform: Platform | Platform[],
  scheduledAt: string | null,
  options: { title?: string; status?: PostStatus } = {},
): Promise<Post> {
  return t.core.services.posts.create({
    title: options.title ?? 'A post',
    body: 'Some words',
    platforms: Array.isArray(platform) ? platform : [platform],
    scheduledAt,
    ...(options.status ? { status: options.status } : {}),
  });
}
