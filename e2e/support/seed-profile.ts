import { addDays, format } from 'date-fns';
import type { Input } from '../../src/shared/contract';
import type { HostProcess } from './host-process';

type ProfileInput = Input<'profile:save-profile'>;

/** Onboards through the host's API, as a returning creator would already be; `overrides` change fields. */
export async function seedProfile(host: HostProcess, overrides: Partial<ProfileInput> = {}): Promise<void> {
  const profile: ProfileInput = {
    name: 'Ada Baker',
    niche: 'sourdough baking',
    platforms: ['x', 'bluesky'],
    timezone: 'UTC',
    goal: { metric: 'followers', target: 10_000, deadline: format(addDays(new Date(), 200), 'yyyy-MM-dd') },
    cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
    ...overrides,
  };
  const response = await fetch(`${host.origin}/api/invoke/profile:save-profile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify(profile),
  });
  if (!response.ok) throw new Error(`save-profile answered ${response.status}: ${await response.text()}`);
}
