import type { Platform } from '../../shared/domain/platform';
import type { PlanningQueue, QueueItem } from '../../shared/domain/planning';
import { freeSlots } from './free-slots';
import { clockText, localTime } from './local-time';
import type { PlanningService } from './planning.service';
import type { TimedPost } from './planning.repository';

const DAY_MS = 86_400_000;
const EXCERPT_LENGTH = 120;

function excerptOf(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '' && l.trim() !== '---') ?? '';
  const text = line.trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

function postItem(post: TimedPost, timezone: string): QueueItem {
  const local = localTime(post.atMs, timezone);
  return {
    kind: 'post',
    at: new Date(post.atMs).toISOString(),
    day: local.day,
    time: clockText(local.hour, local.minute),
    post: {
      id: post.id,
      title: post.title,
      excerpt: excerptOf(post.body),
      status: post.status,
      platforms: post.platforms,
      version: post.version,
    },
  };
}

/**
 * The queue from now until now + days: scheduled posts (of the platform, or all) and the free
 * slots of the platform (or of each of the creator's platforms), by time. At the same instant a
 * post comes first, then free slots in platform order.
 */
export async function buildQueue(
  planning: PlanningService,
  input: { platform?: Platform | undefined; days: number },
  windowMs: number,
): Promise<PlanningQueue> {
  const ctx = await planning.context();
  const fromMs = planning.now();
  const toMs = fromMs + input.days * DAY_MS;
  const platforms = input.platform ? [input.platform] : ctx.platforms;
  const timed = await planning.repository.timedPosts(fromMs - windowMs, toMs + windowMs);

  const posts = timed.filter(
    (p) =>
      p.status === 'scheduled' &&
      p.atMs > fromMs &&
      p.atMs < toMs &&
      (input.platform === undefined || p.platforms.includes(input.platform)),
  );
  const items: { item: QueueItem; rank: number }[] = posts.map((p) => ({ item: postItem(p, ctx.timezone), rank: -1 }));
  for (const [rank, platform] of platforms.entries()) {
    const { slots } = await planning.slotsFor(platform, ctx);
    const takenMs = timed.filter((p) => p.platforms.includes(platform)).map((p) => p.atMs);
    for (const slot of freeSlots({ platform, slots, timezone: ctx.timezone, fromMs, toMs, takenMs, windowMs })) {
      items.push({ item: { kind: 'free', at: slot.at, day: slot.day, time: slot.time, slot }, rank });
    }
  }
  items.sort((a, b) => a.item.at.localeCompare(b.item.at) || a.rank - b.rank);
  return {
    timezone: ctx.timezone,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    items: items.map((i) => i.item),
  };
}
