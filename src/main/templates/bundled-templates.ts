import { z } from 'zod';
import templatesJson from '../../../resources/post-templates.json';
import { templateFormatSchema, templateVariableProblems, templateVariableSchema } from '../../shared/domain/templates';

const bundledTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/u, 'a bundled id uses lower-case letters, digits and -'),
  name: z.string().min(1),
  description: z.string(),
  format: templateFormatSchema,
  structure: z.string().min(1),
  variables: z.array(templateVariableSchema).min(1),
});
export type BundledTemplate = z.infer<typeof bundledTemplateSchema>;

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.literal(1),
  templates: z.array(bundledTemplateSchema).min(1),
});

/** Validates the bundled templates file; throws naming every template whose variables do not match. */
export function parseBundledTemplates(json: unknown, origin = 'resources/post-templates.json'): BundledTemplate[] {
  const { templates } = fileSchema.parse(json);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const template of templates) {
    if (ids.has(template.id)) problems.push(`${template.id}: the id is used twice`);
    ids.add(template.id);
    for (const problem of templateVariableProblems(template.structure, template.variables)) {
      problems.push(`${template.id}: ${problem}`);
    }
  }
  if (problems.length > 0) throw new Error(`${origin} is not valid:\n- ${problems.join('\n- ')}`);
  return templates;
}

/** The templates that ship with Cadence, validated once at load (a bad file fails every test). */
export const BUNDLED_TEMPLATES: readonly BundledTemplate[] = parseBundledTemplates(templatesJson);
