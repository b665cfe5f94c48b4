import { z } from 'zod';
import {
  postTemplateSchema,
  templateFormatSchema,
  templateListSchema,
  templateVariableProblems,
  templateVariableSchema,
} from '../domain/templates';
import { defineChannel } from './channel';

export const templateIdSchema = z
  .string({ message: 'A template id is required' })
  .trim()
  .min(1, 'A template id is required')
  .max(100, 'A template id has at most 100 characters');

/** A template as the creator saves it; every `{{variable}}` declared and every declared one used. */
export const saveTemplateInputSchema = z
  .object({
    /** Absent: a new template. A bundled id: the creator's edited copy of it. A user id: that template. */
    id: templateIdSchema.optional(),
    name: z.string().trim().min(1, 'A template needs a name').max(100, 'A name has at most 100 characters'),
    description: z.string().trim().max(500, 'A description has at most 500 characters').default(''),
    format: templateFormatSchema,
    structure: z
      .string()
      .trim()
      .min(1, 'A template needs a structure')
      .max(10_000, 'A structure has at most 10,000 characters'),
    variables: z.array(templateVariableSchema).max(30, 'A template has at most 30 variables'),
  })
  .strict()
  .superRefine((input, context) => {
    for (const message of templateVariableProblems(input.structure, input.variables)) {
      context.addIssue({ code: 'custom', path: ['variables'], message });
    }
  });
export type SaveTemplateInput = z.infer<typeof saveTemplateInputSchema>;

const byId = z.object({ id: templateIdSchema }).strict();

/**
 * The templates channels (issue #4): post structures with variables, bundled (resources/post-templates.json)
 * and the creator's own. Edited bundled templates are stored copies with the same id; removed ones are hidden.
 */
export const templatesChannels = {
  'templates:list-templates': defineChannel({
    input: z.object({}).strict(),
    output: templateListSchema,
    summary: 'Lists the templates to offer (bundled merged with the creator’s) and the removed bundled ones.',
  }),
  'templates:save-template': defineChannel({
    input: saveTemplateInputSchema,
    output: postTemplateSchema,
    summary: 'Creates a template, or edits one (editing a bundled template stores the creator’s copy).',
  }),
  'templates:delete-template': defineChannel({
    input: byId,
    output: z.object({ id: z.string(), hidden: z.boolean() }),
    summary: 'Deletes the creator’s template, or hides a bundled one (restorable).',
  }),
  'templates:restore-template': defineChannel({
    input: byId,
    output: postTemplateSchema,
    summary: 'Brings a bundled template back as shipped: un-hides it and drops the creator’s edits.',
  }),
  'templates:render-template': defineChannel({
    input: z
      .object({
        id: templateIdSchema,
        values: z.record(
          z.string().max(40, 'A variable name has at most 40 characters'),
          z.string({ message: 'Each value must be text' }).max(10_000, 'A value has at most 10,000 characters'),
        ),
      })
      .strict(),
    output: z.object({ text: z.string() }),
    summary: 'Fills a template’s variables; a missing value fails naming the variable.',
  }),
};
