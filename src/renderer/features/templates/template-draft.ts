import type { FieldIssue } from '../../../shared/contract/errors';
import type { PostTemplate, TemplateFormat, TemplateVariable } from '../../../shared/domain/templates';

/** The editor's values; `id` is absent for a template not saved yet. */
export interface TemplateDraft {
  id?: string;
  name: string;
  description: string;
  format: TemplateFormat;
  structure: string;
  variables: TemplateVariable[];
}

export const EMPTY_DRAFT: TemplateDraft = {
  name: '',
  description: '',
  format: 'post',
  structure: '{{hook}}\n\n{{value}}\n\n{{call_to_action}}',
  variables: [
    { name: 'hook', label: 'Hook', example: '' },
    { name: 'value', label: 'Value', example: '' },
    { name: 'call_to_action', label: 'Call to action', example: '' },
  ],
};

export function draftOf(template: PostTemplate): TemplateDraft {
  const { id, name, description, format, structure, variables } = template;
  return { id, name, description, format, structure, variables };
}

/** True when the draft's structure and variable names are what the saved template has (the server can render it). */
export function sameShape(draft: TemplateDraft, saved: PostTemplate | undefined): boolean {
  if (!saved || draft.id !== saved.id) return false;
  const names = (variables: readonly TemplateVariable[]) => variables.map((variable) => variable.name).join('|');
  return draft.structure.trim() === saved.structure.trim() && names(draft.variables) === names(saved.variables);
}

/** Where the server's validation messages go in the editor. */
export interface DraftErrors {
  name?: string;
  description?: string;
  format?: string;
  structure?: string;
  /** Every problem with the variables (a structure can have several), one sentence each. */
  variables: string[];
  /** By variable position: "label", "name" or "example" problems of that row. */
  rows: Record<number, string>;
}

/** Sorts VALIDATION_FAILED issues to the fields they belong to. */
export function draftErrors(issues: readonly FieldIssue[]): DraftErrors {
  const errors: DraftErrors = { variables: [], rows: {} };
  for (const issue of issues) {
    const [field, index] = issue.path;
    if (field === 'variables' && typeof index === 'number') errors.rows[index] ??= issue.message;
    else if (field === 'variables') errors.variables.push(issue.message);
    else if (field === 'name' || field === 'description' || field === 'format' || field === 'structure') {
      errors[field] ??= issue.message;
    }
  }
  return errors;
}
