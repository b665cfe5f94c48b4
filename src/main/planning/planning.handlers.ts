import type { HandlerSlice } from '../contract/handlers';
import type { PlanningService } from './planning.service';

/** Binds the planning channels to the service; inputs arrive already validated. */
export function planningHandlers(service: PlanningService): HandlerSlice<'planning'> {
  return {
    'planning:get-slots': () => service.getSlots(),
    'planning:save-slots': (input) => service.saveSlots(input.platform, input.slots),
    'planning:next-free-slot': (input) => service.nextFreeSlot(input),
    'planning:schedule-next-free': (input) => service.scheduleNextFree(input),
    'planning:get-queue': (input) => service.queue(input),
    'planning:get-gaps': (input) => service.gaps(input),
    'planning:schedule-ab-pair': (input) => service.scheduleAbPair(input),
  };
}
