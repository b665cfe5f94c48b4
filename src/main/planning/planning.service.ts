import { ContractError } from '../../shared/contract/errors';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';
import type {
  AbSchedule,
  FreeSlot,
  PlanningGaps,
  PlanningQueue,
  PlanningSlots,
  PlatformSlots,
  ScheduledIntoSlot,
  WeeklySlot,
} from '../../shared/domain/planning';
import type { Cadence } from '../../shared/domain/profile';
import { getPlatformLimit } from '../../shared/platforms';
import type { AnalyticsService } from '../analytics/analytics.service';
import type { DomainDeps } from '../domain-deps';
import { scheduleAbPair, type AbPairRequest } from './ab-scheduler';
import { freeSlots } from './free-slots';
import { buildGaps } from './gaps';
import { PlanningRepository } from './planning.repository';
import { buildQueue } from './queue';
import { platformSlots } from './slot-templates';
import { SlotStore } from './slot-store';

/** A slot is taken when a post of the platform is scheduled less than this far away. */
export const DEFAULT_WINDOW_MINUTES = 60;
/** How far ahead the next free slot is looked for. */
export const NEXT_FREE_HORIZON_DAYS = 366;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** What every planning computation reads first: the creator's zone, cadence and platforms. */
export interface PlanningContext {
  timezone: string;
  cadence: Cadence | null;
  /** The profile's platforms (every platform before onboarding). */
  platforms: Platform[];
}

export interface NextFreeOptions {
  platform: Platform;
  after?: string | undefined;
  windowMinutes?: number | undefined;
  /** Posts whose own times do not count as taken (the post being rescheduled). */
  ignorePostIds?: readonly string[];
}

/**
 * The planning calendar: weekly posting slots per platform, the next free slot, the queue, gaps
 * against the weekly cadence and comparable slots for A/B pairs. Scheduling goes through
 * PostsService (versioned saves, revisions, posts:changed); A/B pairs through AnalyticsService.
 */
export class PlanningService {
  readonly repository: PlanningRepository;
  private readonly store: SlotStore;

  constructor(
    private readonly deps: DomainDeps,
    private readonly analytics: AnalyticsService,
  ) {
    this.repository = new PlanningRepository(deps.database.db);
    this.store = new SlotStore(deps.database, deps.ports.clock, deps.ports.logger);
  }

  async context(): Promise<PlanningContext> {
    const profile = await this.deps.profile.get();
    return {
      timezone: profile?.timezone ?? 'UTC',
      cadence: profile?.cadence ?? null,
      platforms: profile ? [...profile.platforms] : [...PLATFORMS],
    };
  }

  now(): number {
    return this.deps.ports.clock.now().getTime();
  }

  /** One platform's weekly slots: the creator's list, or cadence days × best-time hours. */
  async slotsFor(platform: Platform, ctx?: PlanningContext): Promise<PlatformSlots> {
    const { cadence } = ctx ?? (await this.context());
    const [best, custom] = await Promise.all([this.analytics.bestTimes(platform), this.store.get(platform)]);
    return platformSlots(best, cadence, custom);
  }

  async getSlots(): Promise<PlanningSlots> {
    const ctx = await this.context();
    const custom = await this.store.all();
    const wanted = PLATFORMS.filter((p) => ctx.platforms.includes(p) || custom[p] !== undefined);
    const platforms = await Promise.all(wanted.map((p) => this.slotsFor(p, ctx)));
    return { timezone: ctx.timezone, platforms };
  }

  async saveSlots(platform: Platform, slots: readonly WeeklySlot[] | null): Promise<PlatformSlots> {
    await this.store.save(platform, slots);
    this.deps.ports.logger.info({ platform, slots: slots?.length ?? null }, 'planning: slots saved');
    return this.slotsFor(platform);
  }

  /** The next slot of a platform with no post of that platform less than the window away. */
  async nextFreeSlot(options: NextFreeOptions): Promise<FreeSlot> {
    const ctx = await this.context();
    const windowMs = (options.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * MINUTE_MS;
    const fromMs = Math.max(this.now(), options.after === undefined ? 0 : Date.parse(options.after));
    const toMs = fromMs + NEXT_FREE_HORIZON_DAYS * DAY_MS;
    const { slots } = await this.slotsFor(options.platform, ctx);
    const name = getPlatformLimit(options.platform).displayName;
    if (slots.length === 0) {
      throw new ContractError('CONFLICT', `There are no ${name} posting slots yet: add some in the planner.`);
    }
    const ignored = new Set(options.ignorePostIds ?? []);
    const taken = (await this.repository.timedPosts(fromMs - windowMs, toMs + windowMs, options.platform))
      .filter((p) => !ignored.has(p.id))
      .map((p) => p.atMs);
    const [slot] = freeSlots({
      platform: options.platform,
      slots,
      timezone: ctx.timezone,
      fromMs,
      toMs,
      takenMs: taken,
      windowMs,
      limit: 1,
    });
    if (!slot) {
      throw new ContractError('CONFLICT', `Every ${name} slot in the next year is taken: add more slots.`);
    }
    return slot;
  }

  /** Schedules a post into the next free slot of its first platform (versioned through PostsService). */
  async scheduleNextFree(input: {
    postId: string;
    version?: number | undefined;
    windowMinutes?: number | undefined;
  }): Promise<ScheduledIntoSlot> {
    const current = await this.deps.posts.get(input.postId);
    if (current.deletedAt !== null)
      throw new ContractError('NOT_FOUND', 'That post is in the trash; restore it first.');
    if (input.version !== undefined && current.version !== input.version) {
      throw new ContractError(
        'CONFLICT',
        'This post was changed elsewhere since you opened it; reload to see the newer version',
        { currentVersion: current.version },
      );
    }
    if (current.status === 'published') {
      throw new ContractError('CONFLICT', 'This post is already published; its time cannot change');
    }
    const platform = current.platforms[0];
    if (platform === undefined) {
      throw new ContractError('CONFLICT', 'Pick a platform for this post first: each platform has its own queue.');
    }
    const slot = await this.nextFreeSlot({ platform, windowMinutes: input.windowMinutes, ignorePostIds: [current.id] });
    const post = await this.deps.posts.schedule(current.id, slot.at);
    return { post, slot };
  }

  async queue(input: { platform?: Platform | undefined; days: number }): Promise<PlanningQueue> {
    return buildQueue(this, input, DEFAULT_WINDOW_MINUTES * MINUTE_MS);
  }

  async gaps(input: { from: string; to: string }): Promise<PlanningGaps> {
    return buildGaps(this, input, DEFAULT_WINDOW_MINUTES * MINUTE_MS);
  }

  async scheduleAbPair(input: AbPairRequest): Promise<AbSchedule> {
    return scheduleAbPair(this, this.deps, this.analytics, input, DEFAULT_WINDOW_MINUTES * MINUTE_MS);
  }
}
