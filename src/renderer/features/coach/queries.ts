import type {
  Cohort,
  CoachPreferences,
  GoalStatus,
  Intervention,
  InterventionList,
  Milestone,
  ProgressExport,
  TodayPlan,
} from '../../../shared/domain/coach';
import { getClient } from '../../client/client';

/** The core calls the Coach page makes; stores call these, components never do. */
export function getGoalStatus(): Promise<GoalStatus> {
  return getClient().invoke('coach:get-goal-status', {});
}

export function acknowledgeMilestone(id: number): Promise<Milestone> {
  return getClient().invoke('coach:acknowledge-milestone', { id });
}

export function getToday(regenerate = false): Promise<TodayPlan> {
  return getClient().invoke('coach:get-today', regenerate ? { regenerate: true } : {});
}

/** Creates a draft from that day's suggested post; returns its id for /compose/:id. */
export async function sendToCompose(date: string): Promise<string> {
  const { postId } = await getClient().invoke('coach:send-to-compose', { date });
  return postId;
}

export function listInterventions(): Promise<InterventionList> {
  return getClient().invoke('coach:list-interventions', {});
}

/** A draft post holding an intervention's suggested text; returns its id. */
export async function createDraft(body: string): Promise<string> {
  const post = await getClient().invoke('posts:create-post', { body, status: 'draft' });
  return post.id;
}

export type InterventionResponse = 'acted' | 'snoozed' | 'dismissed';

export function respondIntervention(
  id: number,
  response: InterventionResponse,
  snoozeDays?: number,
): Promise<Intervention> {
  return getClient().invoke(
    'coach:respond-intervention',
    snoozeDays === undefined ? { id, response } : { id, response, snoozeDays },
  );
}

export function getCohort(): Promise<Cohort> {
  return getClient().invoke('coach:get-cohort', {});
}

export function getPreferences(): Promise<CoachPreferences> {
  return getClient().invoke('coach:get-preferences', {});
}

export function savePreferences(changes: Partial<CoachPreferences>): Promise<CoachPreferences> {
  return getClient().invoke('coach:save-preferences', changes);
}

export function exportProgress(): Promise<ProgressExport> {
  return getClient().invoke('coach:export-progress', {});
}
