import { ContractError } from '../../shared/contract/errors';
import type { Platform } from '../../shared/domain/platform';
import type { AbSchedule } from '../../shared/domain/planning';
import type { Post } from '../../shared/domain/post';
import { getPlatformLimit } from '../../shared/platforms';
import type { AnalyticsService } from '../analytics/analytics.service';
import type { DomainDeps } from '../domain-deps';
import { chooseAbSlots } from './ab-slots';
import { freeSlots } from './free-slots';
import type { PlanningService } from './planning.service';

export interface AbPairRequest {
  postA: string;
  postB: string;
  platform?: Platform | undefined;
  label?: string | undefined;
  windowMinutes?: number | undefined;
}

/** How far ahead comparable slots are looked for. */
export const AB_HORIZON_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

const nameOf = (platform: Platform): string => getPlatformLimit(platform).displayName;

/** Both posts, refused with plain messages when missing, trashed or already out. */
async function loadPosts(deps: DomainDeps, input: AbPairRequest): Promise<[Post, Post]> {
  const found = await deps.posts.repository.findByIds([input.postA, input.postB]);
  const pick = (name: 'A' | 'B', id: string): Post => {
    const post = found.find((p) => p.id === id);
    if (!post) throw new ContractError('NOT_FOUND', `Post ${name} was not found.`);
    if (post.deletedAt !== null)
      throw new ContractError('NOT_FOUND', `Post ${name} is in the trash; restore it first.`);
    if (post.status === 'published') {
      throw new ContractError('CONFLICT', `Post ${name} is already published; its time cannot change.`);
    }
    return post;
  };
  return [pick('A', input.postA), pick('B', input.postB)];
}

/** The requested platform, which both must target, or the first platform of A that B targets too. */
function platformOf(a: Post, b: Post, requested: Platform | undefined): Platform {
  if (requested !== undefined) {
    for (const [name, post] of [
      ['A', a],
      ['B', b],
    ] as const) {
      if (!post.platforms.includes(requested)) {
        throw new ContractError('CONFLICT', `Post ${name} does not target ${nameOf(requested)}.`);
      }
    }
    return requested;
  }
  const shared = a.platforms.find((p) => b.platforms.includes(p));
  if (shared === undefined) {
    throw new ContractError(
      'CONFLICT',
      'Posts A and B have no platform in common: an A/B pair compares two posts on the same platform.',
    );
  }
  return shared;
}

/** Puts a post's time and status back after a later step of the pair failed. */
async function restore(deps: DomainDeps, scheduled: Post, before: Post): Promise<void> {
  try {
    await deps.posts.update(scheduled.id, scheduled.version, {
      scheduledAt: before.scheduledAt,
      status: before.status,
    });
  } catch (error) {
    deps.ports.logger.warn({ err: error, postId: scheduled.id }, 'planning: could not undo an A/B scheduling step');
  }
}

/**
 * Schedules two posts into comparable free slots of one platform (see chooseAbSlots) and records
 * them as an A/B pair. Each step is a versioned save; if a later step fails, the earlier ones are
 * undone so a refused pair leaves both posts as they were.
 */
export async function scheduleAbPair(
  planning: PlanningService,
  deps: DomainDeps,
  analytics: AnalyticsService,
  input: AbPairRequest,
  defaultWindowMs: number,
): Promise<AbSchedule> {
  const [a, b] = await loadPosts(deps, input);
  const platform = platformOf(a, b, input.platform);
  const name = nameOf(platform);
  const existing = await analytics.listAbPairs();
  const ids = new Set([a.id, b.id]);
  if (existing.some((p) => p.platform === platform && ids.has(p.postA.id) && ids.has(p.postB.id))) {
    throw new ContractError('CONFLICT', `These two posts are already an A/B pair on ${name}.`);
  }

  const ctx = await planning.context();
  const { slots } = await planning.slotsFor(platform, ctx);
  const windowMs = input.windowMinutes === undefined ? defaultWindowMs : input.windowMinutes * 60_000;
  const fromMs = planning.now();
  const toMs = fromMs + AB_HORIZON_WEEKS * WEEK_MS;
  const taken = (await planning.repository.timedPosts(fromMs - windowMs, toMs + windowMs, platform))
    .filter((p) => !ids.has(p.id))
    .map((p) => p.atMs);
  const free = freeSlots({ platform, slots, timezone: ctx.timezone, fromMs, toMs, takenMs: taken, windowMs });
  const choice = chooseAbSlots(free);
  if (!choice) {
    throw new ContractError(
      'CONFLICT',
      `No two comparable free ${name} slots in the next ${AB_HORIZON_WEEKS} weeks: add slots or free some.`,
    );
  }

  const postA = await deps.posts.schedule(a.id, choice.first.at);
  let postB: Post;
  try {
    postB = await deps.posts.schedule(b.id, choice.second.at);
  } catch (error) {
    await restore(deps, postA, a);
    throw error;
  }
  try {
    const pair = await analytics.createAbPair({ postA: a.id, postB: b.id, platform, label: input.label });
    return {
      strategy: choice.strategy,
      explanation: choice.explanation,
      slotA: choice.first,
      slotB: choice.second,
      postA,
      postB,
      pair,
    };
  } catch (error) {
    await restore(deps, postB, b);
    await restore(deps, postA, a);
    throw error;
  }
}
