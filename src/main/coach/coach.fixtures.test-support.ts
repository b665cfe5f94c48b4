import { randomUUID } from 'node:crypto';
import type { Channel, Input, Output } from '../../shared/contract';
import type { Profile } from '../../shared/domain/profile';
import type { Platform } from '../../shared/domain/platform';
import type { PostStatus } from '../../shared/domain/post';
import { invokeOk as invokeChannel } from '../../../test/support/invoke';
import type { TestCore } from '../../../test/support/test-core';

/** A valid profile; tests override the goal and cadence. */
export function profileOf(overrides: Partial<Profile> = {}): Profile {
  return {
    name: 'Rosa',
    niche: 'sourdough baking',
    platforms: ['instagram', 'x'],
    timezone: 'UTC',
    goal: { metric: 'followers', target: 2000, deadline: '2027-03-01' },
    cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
    ...overrides,
  };
}

/** Saves the profile with the clock at `at` (its creation date starts the first goal). */
export async function saveProfileAt(t: TestCore, at: string, profile: Profile): Promise<void> {
  const now = t.clock.now();
  t.clock.set(at);
  await t.core.services.profile.save(profile);
  t.clock.set(now);
}

export async function addAccount(
  t: TestCore,
  input: { id?: string; platform?: Platform; handle?: string; tokenStatus?: string | null } = {},
): Promise<string> {
  const id = input.id ?? randomUUID();
  await t.core.database.db
    .insertInto('accounts')
    .values({
      id,
      platform: input.platform ?? 'instagram',
      handle: input.handle ?? `rosa-${id}`,
      display_name: '',
      source: input.tokenStatus === undefined ? 'import' : 'connected',
      token_status: input.tokenStatus ?? null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

export async function addFollowerDays(
  t: TestCore,
  accountId: string,
  days: { date: string; followers: number }[],
): Promise<void> {
  if (days.length === 0) return;
  await t.core.database.db
    .insertInto('account_metrics')
    .values(
      days.map((d) => ({
        account_id: accountId,
        date: d.date,
        followers: d.followers,
        impressions: null,
        captured_at: `${d.date}T23:00:00.000Z`,
      })),
    )
    .execute();
}

export async function addPost(
  t: TestCore,
  input: {
    title?: string;
    body?: string;
    status?: PostStatus;
    createdAt?: string;
    scheduledAt?: string | null;
    platforms?: Platform[];
  } = {},
): Promise<string> {
  const id = randomUUID();
  const createdAt = input.createdAt ?? '2026-01-01T00:00:00.000Z';
  await t.core.database.db
    .insertInto('posts')
    .values({
      id,
      title: input.title ?? 'A post',
      body: input.body ?? 'Body text',
      status: input.status ?? 'published',
      tags: '[]',
      platforms: JSON.stringify(input.platforms ?? ['instagram']),
      scheduled_at: input.scheduledAt ?? null,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
      deleted_at: null,
    })
    .execute();
  return id;
}

/** A published post with one publication and its counts. */
export async function addPublication(
  t: TestCore,
  input: {
    publishedAt: string;
    platform?: Platform;
    accountId?: string | null;
    format?: string | null;
    impressions?: number | null;
    reach?: number | null;
    likes?: number;
    comments?: number;
    title?: string;
  },
): Promise<string> {
  const postId = await addPost(t, { title: input.title ?? 'Published', createdAt: input.publishedAt });
  await t.core.database.db
    .insertInto('post_publications')
    .values({
      post_id: postId,
      platform: input.platform ?? 'instagram',
      account_id: input.accountId ?? null,
      published_at: input.publishedAt,
      external_id: null,
      url: null,
      format: input.format ?? null,
      media_count: 0,
      metrics_at: input.publishedAt,
      impressions: input.impressions ?? null,
      reach: input.reach ?? null,
      views: null,
      likes: input.likes ?? 0,
      comments: input.comments ?? 0,
      shares: 0,
      saves: 0,
      clicks: 0,
    })
    .execute();
  return postId;
}

/** YYYY-MM-DD `n` days after `day`. */
export function dayPlus(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Calls a channel through the dispatcher and returns its typed output; a failure throws its code and message. */
export function invokeOk<C extends Channel>(t: TestCore, channel: C, input: Input<C>): Promise<Output<C>> {
  return invokeChannel(t.core, channel, input);
}
