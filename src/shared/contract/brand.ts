import { z } from 'zod';
import { voiceFieldsSchema, voiceGuideSchema, voiceStateSchema } from '../domain/brand';
import { platformSchema } from '../domain/platform';
import { defineChannel } from './channel';

export const saveVoiceInputSchema = voiceFieldsSchema
  .partial()
  .strict()
  .refine((fields) => Object.keys(fields).length > 0, { message: 'Change at least one field of the voice' });
export type SaveVoiceInput = z.infer<typeof saveVoiceInputSchema>;

/**
 * The brand channels (issue #4): the creator's voice learned from their own posts (tone, length,
 * emoji and hashtag habits, signature phrases), editable, and the few-shot examples drafting uses.
 */
export const brandChannels = {
  'brand:get-voice': defineChannel({
    input: z.object({}).strict(),
    output: voiceStateSchema,
    summary: 'The voice profile, whether learned or edited, and from how many posts.',
  }),
  'brand:learn-voice': defineChannel({
    input: z
      .object({ overwriteEdits: z.boolean({ message: 'overwriteEdits must be true or false' }).optional() })
      .strict(),
    output: voiceStateSchema,
    summary: 'Learns the voice again from the creator’s posts; keeps edited fields unless overwriteEdits.',
  }),
  'brand:save-voice': defineChannel({
    input: saveVoiceInputSchema,
    output: voiceStateSchema,
    summary: 'Saves the creator’s changes to the voice (those fields are then kept when learning again).',
  }),
  'brand:preview-examples': defineChannel({
    input: z
      .object({
        text: z.string().trim().min(1, 'Give some text to find similar posts for').max(20_000, 'The text is too long'),
        platform: platformSchema.optional(),
        k: z.number().int('k must be a whole number').min(1, 'k is at least 1').max(10, 'k is at most 10').optional(),
      })
      .strict(),
    output: voiceGuideSchema,
    summary: 'The voice instructions and the few-shot examples drafting would use for this text.',
  }),
};
