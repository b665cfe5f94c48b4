import type { HandlerSlice } from '../contract/handlers';
import type { CoachService } from './coach.service';

/** Binds the coach channels to the service; each handler only forwards its parsed input. */
export function coachHandlers(coach: CoachService): HandlerSlice<'coach'> {
  return {
    'coach:get-goal-status': () => coach.goal.status(),
    'coach:acknowledge-milestone': ({ id }) => coach.goal.acknowledge(id),
    'coach:get-today': ({ regenerate }) => coach.today.get({ regenerate: regenerate ?? false }),
    'coach:send-to-compose': ({ date }) => coach.today.sendToCompose(date),
    'coach:list-interventions': () => coach.interventions.list(),
    'coach:respond-intervention': (input) => coach.interventions.respond(input),
    'coach:get-insights': () => coach.interventions.insights(),
    'coach:get-cohort': () => coach.cohort(),
    'coach:get-preferences': () => coach.preferences.get(),
    'coach:save-preferences': (patch) => coach.savePreferences(patch),
    'coach:export-progress': () => coach.exportProgress(),
  };
}
