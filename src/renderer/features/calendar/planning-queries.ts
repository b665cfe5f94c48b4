import type { Platform } from '../../../shared/domain/platform';
import type {
  FreeSlot,
  PlanningGaps,
  PlanningQueue,
  PlanningSlots,
  PlatformSlots,
  WeeklySlot,
} from '../../../shared/domain/planning';
import { getClient } from '../../client/client';

/** Upcoming posts and the free slots between them, by time. */
export function fetchQueue(days: number, platform?: Platform): Promise<PlanningQueue> {
  return getClient().invoke('planning:get-queue', platform ? { days, platform } : { days });
}

/** Each ISO week between two local days against the cadence. */
export function fetchGaps(from: string, to: string): Promise<PlanningGaps> {
  return getClient().invoke('planning:get-gaps', { from, to });
}

export function fetchNextFreeSlot(platform: Platform): Promise<FreeSlot> {
  return getClient().invoke('planning:next-free-slot', { platform });
}

export function fetchSlots(): Promise<PlanningSlots> {
  return getClient().invoke('planning:get-slots', {});
}

/** Saves a platform's weekly slots; null goes back to the suggested ones. */
export function saveSlots(platform: Platform, slots: WeeklySlot[] | null): Promise<PlatformSlots> {
  return getClient().invoke('planning:save-slots', { platform, slots });
}
