import { z } from 'zod';

/** A variable's name: lower-case letters, digits and `_`, starting with a letter. */
export const TEMPLATE_VARIABLE_NAME = /^[a-z][a-z0-9_]*$/u;

/** What a template produces: one post, a thread, a carousel's slides, or a video script/caption. */
export const TEMPLATE_FORMATS = ['post', 'thread', 'carousel', 'video'] as const;
export const templateFormatSchema = z.enum(TEMPLATE_FORMATS, {
  message: `format must be one of ${TEMPLATE_FORMATS.join(', ')}`,
});
export type TemplateFormat = z.infer<typeof templateFormatSchema>;

export const templateVariableSchema = z
  .object({
    name: z
      .string()
      .regex(TEMPLATE_VARIABLE_NAME, 'A variable name uses lower-case letters, digits and _, starting with a letter')
      .max(40, 'A variable name has at most 40 characters'),
    label: z.string().trim().min(1, 'A variable needs a label').max(80, 'A label has at most 80 characters'),
    example: z.string().max(500, 'An example has at most 500 characters'),
  })
  .strict();
export type TemplateVariable = z.infer<typeof templateVariableSchema>;

/** `{{ name }}` in a structure (spaces inside the braces allowed). */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/gu;

/** The names written as `{{name}}` in a structure, each once, in order of first use. */
export function templatePlaceholders(structure: string): string[] {
  return [...new Set([...structure.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Problems between a structure and its declared variables, as plain sentences: placeholders that
 * are not valid names or not declared, declared variables never used, names declared twice.
 */
export function templateVariableProblems(structure: string, variables: readonly { name: string }[]): string[] {
  const problems: string[] = [];
  const declared = variables.map((variable) => variable.name);
  const used = templatePlaceholders(structure);
  for (const name of used) {
    if (!TEMPLATE_VARIABLE_NAME.test(name)) problems.push(`{{${name}}} is not a valid variable name`);
    else if (!declared.includes(name)) problems.push(`{{${name}}} is used in the structure but not declared`);
  }
  for (const name of new Set(declared)) {
    if (!used.includes(name)) problems.push(`The variable "${name}" is declared but not used in the structure`);
    if (declared.indexOf(name) !== declared.lastIndexOf(name))
      problems.push(`The variable "${name}" is declared twice`);
  }
  return problems;
}

/** Fills `{{name}}` placeholders from `values` (which must hold every name used). */
export function fillTemplate(structure: string, values: Readonly<Record<string, string>>): string {
  return structure.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export const templateSourceSchema = z.enum(['bundled', 'user']);

export const postTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  format: templateFormatSchema,
  /** The post's shape, with `{{variables}}`. */
  structure: z.string(),
  variables: z.array(templateVariableSchema),
  /** 'bundled' ships with Cadence (resources/post-templates.json); 'user' was made by the creator. */
  source: templateSourceSchema,
  /** A bundled template the creator changed (restore brings the original back). */
  edited: z.boolean(),
});
export type PostTemplate = z.infer<typeof postTemplateSchema>;

export const templateListSchema = z.object({
  /** The templates to offer, by name. */
  templates: z.array(postTemplateSchema),
  /** Bundled templates the creator removed; each can be restored. */
  hidden: z.array(postTemplateSchema),
});
export type TemplateList = z.infer<typeof templateListSchema>;
