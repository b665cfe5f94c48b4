import { TEMPLATE_VARIABLE_NAME, templatePlaceholders, type TemplateVariable } from '../../../shared/domain/templates';

/** The valid `{{names}}` in a structure, in the order they first appear (invalid ones are the server's to flag). */
export function variableNamesIn(structure: string): string[] {
  return templatePlaceholders(structure).filter((name) => TEMPLATE_VARIABLE_NAME.test(name));
}

/** "call_to_action" -> "Call to action": a starting label for a new variable. */
export function labelFromName(name: string): string {
  const words = name.replace(/[_-]+/gu, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The variable rows for a structure: one per placeholder, in order, keeping the label and
 * example the creator already typed for a name and starting new ones from the name.
 */
export function syncVariables(structure: string, rows: readonly TemplateVariable[]): TemplateVariable[] {
  return variableNamesIn(structure).map(
    (name) => rows.find((row) => row.name === name) ?? { name, label: labelFromName(name), example: '' },
  );
}

/** The preview's values: each variable's example, or its label in brackets when there is none. */
export function exampleValues(rows: readonly TemplateVariable[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.name, row.example.trim() || `[${row.label || row.name}]`]));
}
