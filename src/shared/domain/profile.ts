import { z } from 'zod';
import { platformSchema } from './platform';

export const GOAL_METRICS = ['followers', 'impressions', 'engagement_rate', 'posts_published', 'revenue'] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A YYYY-MM-DD calendar date. */
export const calendarDateSchema = z.iso.date({ message: 'Use a date like 2027-03-31' });

export const goalSchema = z.object({
  metric: z.enum(GOAL_METRICS),
  target: z.number({ message: 'The target must be a number' }).positive('The target must be above zero'),
  deadline: calendarDateSchema,
});
export type Goal = z.infer<typeof goalSchema>;

export const cadenceSchema = z.object({
  postsPerWeek: z
    .number({ message: 'Posts per week must be a number' })
    .int('Posts per week must be a whole number')
    .min(1, 'Plan at least one post a week')
    .max(70, 'At most 70 posts a week'),
  days: z.array(z.enum(WEEKDAYS)).min(1, 'Pick at least one day'),
});
export type Cadence = z.infer<typeof cadenceSchema>;

export const timezoneSchema = z.string().refine(isKnownTimezone, { message: 'Unknown time zone' });

function isKnownTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'Your name is required').max(100, 'At most 100 characters'),
  niche: z.string().trim().min(1, 'Your niche is required').max(200, 'At most 200 characters'),
  platforms: z.array(platformSchema).min(1, 'Pick at least one platform'),
  timezone: timezoneSchema,
  goal: goalSchema,
  cadence: cadenceSchema,
});
export type Profile = z.infer<typeof profileSchema>;
