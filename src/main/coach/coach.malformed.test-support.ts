import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each coach channel must refuse before any service runs (read by dispatcher.test.ts). */
export const coachMalformedInputs: MalformedRows<'coach'> = {
  'coach:get-goal-status': [[], 'status', { extra: true }],
  'coach:acknowledge-milestone': [{}, { id: 0 }, { id: 1.5 }, { id: '1' }, { id: 1, extra: true }],
  'coach:get-today': [[], { regenerate: 'yes' }, { extra: true }],
  'coach:send-to-compose': [{}, { date: '2026-13-01' }, { date: 'today' }, { date: '2026-11-25', extra: 1 }],
  'coach:list-interventions': [[], { status: 'open' }],
  'coach:respond-intervention': [
    {},
    { id: 1 },
    { id: 1, response: 'ignored' },
    { id: -1, response: 'acted' },
    { id: 1, response: 'snoozed', snoozeDays: 0 },
    { id: 1, response: 'snoozed', snoozeDays: 31 },
    { id: 1, response: 'snoozed', snoozeDays: 1.5 },
  ],
  'coach:get-insights': [[], { rule: 'x' }],
  'coach:get-cohort': [[], { platform: 'x' }],
  'coach:get-preferences': [[], { key: 'a' }],
  'coach:save-preferences': [[], { notifyDailyPlan: 'yes' }, { shareAggregates: 1 }, { unknown: true }],
  'coach:export-progress': [[], { format: 'pdf' }],
};
