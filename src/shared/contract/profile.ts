import { z } from 'zod';
import { profileSchema } from '../domain/profile';
import { defineChannel } from './channel';

export const profileChannels = {
  'profile:get-profile': defineChannel({
    input: z.object({}).strict(),
    output: profileSchema.nullable(),
    summary: 'The creator profile, or null before onboarding.',
  }),
  'profile:save-profile': defineChannel({
    input: profileSchema.strict(),
    output: profileSchema,
    summary: 'Creates or replaces the profile; the goal deadline must be in the future.',
  }),
};
