import { z } from 'zod';
import {
  cohortSchema,
  coachPreferencesSchema,
  goalStatusSchema,
  interventionListSchema,
  interventionSchema,
  milestoneSchema,
  progressExportSchema,
  ruleInsightSchema,
  todayPlanSchema,
} from '../domain/coach';
import { postIdSchema } from '../domain/post';
import { calendarDateSchema } from '../domain/profile';
import { defineChannel } from './channel';

const noInput = z.object({}).strict();

/** The success coach channels (issue #8); the service is src/main/coach/. */
export const coachChannels = {
  'coach:get-goal-status': defineChannel({
    input: noInput,
    output: goalStatusSchema,
    summary:
      'The goal from the profile with its daily series, needed trajectory, forecast and probability (or why not yet), ' +
      'milestones, success path and cadence streak. Marks newly reached milestones. NOT_FOUND before onboarding.',
  }),
  'coach:acknowledge-milestone': defineChannel({
    input: z.object({ id: z.number({ message: 'id must be a number' }).int().positive('Not a milestone id') }).strict(),
    output: milestoneSchema,
    summary: 'Marks a reached milestone as celebrated, so the UI stops showing it.',
  }),
  'coach:get-today': defineChannel({
    input: z.object({ regenerate: z.boolean({ message: 'regenerate must be true or false' }).optional() }).strict(),
    output: todayPlanSchema,
    summary:
      "Today's coaching plan (one per local day): what, when, which backlog idea, a skill tip, the data it used; " +
      'written by the AI engine, or by rules (with the reason) when the AI is unavailable.',
  }),
  'coach:send-to-compose': defineChannel({
    input: z.object({ date: calendarDateSchema }).strict(),
    output: z.object({ postId: postIdSchema }),
    summary: "Creates a draft post from that day's suggested post text.",
  }),
  'coach:list-interventions': defineChannel({
    input: noInput,
    output: interventionListSchema,
    summary: 'Open interventions (most likely to be acted on first), recent history, and what the coach learned.',
  }),
  'coach:respond-intervention': defineChannel({
    input: z
      .object({
        id: z.number({ message: 'id must be a number' }).int().positive('Not an intervention id'),
        response: z.enum(['acted', 'snoozed', 'dismissed'], { message: 'response is acted, snoozed or dismissed' }),
        snoozeDays: z
          .number()
          .int('Snooze whole days')
          .min(1, 'Snooze at least 1 day')
          .max(30, 'Snooze at most 30 days')
          .optional(),
      })
      .strict(),
    output: interventionSchema,
    summary: 'Records what the creator did about an intervention (snoozed: for snoozeDays, default 3).',
  }),
  'coach:get-insights': defineChannel({
    input: noInput,
    output: z.array(ruleInsightSchema),
    summary: 'Per rule: acted vs dismissed, the learned act rate, and whether the rule is quieted.',
  }),
  'coach:get-cohort': defineChannel({
    input: noInput,
    output: cohortSchema,
    summary: 'The creator’s engagement rate per platform against published benchmarks (with sources).',
  }),
  'coach:get-preferences': defineChannel({
    input: noInput,
    output: coachPreferencesSchema,
    summary: 'Coach notifications and consent to share anonymized aggregates (off by default).',
  }),
  'coach:save-preferences': defineChannel({
    input: coachPreferencesSchema.partial().strict(),
    output: coachPreferencesSchema,
    summary: 'Changes the preferences given and returns all of them.',
  }),
  'coach:export-progress': defineChannel({
    input: noInput,
    output: progressExportSchema,
    summary: 'A shareable Markdown summary of the goal, progress, milestones and streak (no secrets, no post text).',
  }),
};
