import { z } from 'zod';
import { platformSchema } from '../domain/platform';
import {
  abScheduleSchema,
  freeSlotSchema,
  planningGapsSchema,
  planningQueueSchema,
  planningSlotsSchema,
  platformSlotsSchema,
  scheduledIntoSlotSchema,
  weeklySlotSchema,
} from '../domain/planning';
import { isoDateTimeSchema, postIdSchema } from '../domain/post';
import { calendarDateSchema } from '../domain/profile';
import { defineChannel } from './channel';

/** Longest range gap detection looks at: a year and a day, so a whole calendar year always fits. */
export const MAX_GAP_RANGE_DAYS = 366;

const windowMinutesSchema = z
  .number({ message: 'The spacing must be a number of minutes' })
  .int('The spacing must be whole minutes')
  .min(1, 'The spacing must be at least 1 minute')
  .max(720, 'The spacing can be at most 720 minutes (12 hours)');

/** Every slot once; the same weekday, hour and minute twice is a mistake, not two posts. */
const slotListSchema = z
  .array(weeklySlotSchema)
  .min(1, 'Add at least one slot, or reset the platform to the suggested slots')
  .max(70, 'At most 70 slots a week per platform')
  .refine((slots) => new Set(slots.map((s) => `${s.weekday}|${s.hour}|${s.minute ?? 0}`)).size === slots.length, {
    message: 'The same slot is listed twice',
  });

const dayDiff = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const planningChannels = {
  'planning:get-slots': defineChannel({
    input: z.object({}).strict(),
    output: planningSlotsSchema,
    summary:
      "Each of the creator's platforms' weekly posting slots: their own list, or cadence days × best-time hours, each with why.",
  }),
  'planning:save-slots': defineChannel({
    input: z
      .object({
        platform: platformSchema,
        /** The platform's own weekly slots; null goes back to the suggested ones. */
        slots: slotListSchema.nullable(),
      })
      .strict(),
    output: platformSlotsSchema,
    summary: "Saves one platform's weekly slots (or resets them to the suggested ones with null).",
  }),
  'planning:next-free-slot': defineChannel({
    input: z
      .object({
        platform: platformSchema,
        /** Look after this instant (default and at the earliest: now). */
        after: isoDateTimeSchema.optional(),
        /** A slot is taken when a post of the platform is scheduled less than this many minutes away (default 60). */
        windowMinutes: windowMinutesSchema.optional(),
      })
      .strict(),
    output: freeSlotSchema,
    summary: 'The next slot of a platform with no post of that platform near it, and why it was chosen.',
  }),
  'planning:schedule-next-free': defineChannel({
    input: z
      .object({
        postId: postIdSchema,
        /** The version the caller has; a newer saved version means someone else changed the post (CONFLICT). */
        version: z.number().int().positive().optional(),
        windowMinutes: windowMinutesSchema.optional(),
      })
      .strict(),
    output: scheduledIntoSlotSchema,
    summary: 'Schedules a post into the next free slot of its (first) platform; returns the post and the slot.',
  }),
  'planning:get-queue': defineChannel({
    input: z
      .object({
        platform: platformSchema.optional(),
        days: z
          .number({ message: 'Days must be a number' })
          .int('Days must be a whole number')
          .min(1, 'Show at least 1 day')
          .max(90, 'Show at most 90 days')
          .default(14),
      })
      .strict(),
    output: planningQueueSchema,
    summary: 'Upcoming scheduled posts and the free slots between them, in time order (a Typefully-style queue).',
  }),
  'planning:get-gaps': defineChannel({
    input: z
      .object({ from: calendarDateSchema, to: calendarDateSchema })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The start date must be on or before the end date', path: ['to'] })
      .refine((r) => dayDiff(r.from, r.to) < MAX_GAP_RANGE_DAYS, {
        message: `Pick at most ${MAX_GAP_RANGE_DAYS} days`,
        path: ['to'],
      }),
    output: planningGapsSchema,
    summary:
      "Per ISO week in the creator's zone: posts scheduled and published against the weekly cadence, what is missing and free slots to fill it.",
  }),
  'planning:schedule-ab-pair': defineChannel({
    input: z
      .object({
        postA: postIdSchema,
        postB: postIdSchema,
        /** Default: the first platform both posts target. */
        platform: platformSchema.optional(),
        label: z.string().trim().max(200, 'A label has at most 200 characters').optional(),
        windowMinutes: windowMinutesSchema.optional(),
      })
      .strict()
      .refine((v) => v.postA !== v.postB, { message: 'Pick two different posts', path: ['postB'] }),
    output: abScheduleSchema,
    summary:
      'Schedules two posts into comparable slots (same weekday and hour a week apart, or equally rated slots on adjacent days) and records them as an A/B pair.',
  }),
};
