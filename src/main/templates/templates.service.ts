import { randomUUID } from 'node:crypto';
import type { SaveTemplateInput } from '../../shared/contract/templates';
import { ContractError } from '../../shared/contract/errors';
import {
  fillTemplate,
  type PostTemplate,
  type TemplateFormat,
  type TemplateList,
  templatePlaceholders,
} from '../../shared/domain/templates';
import type { ClockPort } from '../platform/clock/types';
import { BUNDLED_TEMPLATES, type BundledTemplate } from './bundled-templates';
import type { StoredTemplate, TemplatesRepository } from './templates.repository';

function fromBundled(template: BundledTemplate): PostTemplate {
  return { ...template, source: 'bundled', edited: false };
}

function fromStored(row: StoredTemplate, bundled: boolean): PostTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    format: row.format as TemplateFormat,
    structure: row.structure,
    variables: row.variables,
    source: bundled ? 'bundled' : 'user',
    edited: bundled,
  };
}

const byName = (a: PostTemplate, b: PostTemplate): number => a.name.localeCompare(b.name);

/**
 * Post templates: the bundled ones (resources/post-templates.json) merged with the creator's rows.
 * A row with a bundled id is the creator's edited copy (or, with `hidden`, a removed bundled one);
 * any other row is the creator's own template.
 */
export class TemplatesService {
  private readonly bundled = new Map(BUNDLED_TEMPLATES.map((template) => [template.id, template]));

  constructor(
    private readonly repository: TemplatesRepository,
    private readonly clock: ClockPort,
  ) {}

  /** The templates to offer (sorted by name) and the bundled ones the creator removed. */
  async list(): Promise<TemplateList> {
    const rows = new Map((await this.repository.all()).map((row) => [row.id, row]));
    const templates: PostTemplate[] = [];
    const hidden: PostTemplate[] = [];
    for (const template of this.bundled.values()) {
      const row = rows.get(template.id);
      if (row?.hidden === true) hidden.push(fromBundled(template));
      else templates.push(row === undefined ? fromBundled(template) : fromStored(row, true));
    }
    for (const row of rows.values()) if (!this.bundled.has(row.id)) templates.push(fromStored(row, false));
    return { templates: templates.sort(byName), hidden: hidden.sort(byName) };
  }

  /**
   * One template as it would be used, edits applied. A removed bundled template is still found, so
   * a bulk plan that named it keeps working; NOT_FOUND only for ids that never existed or were deleted.
   */
  async get(id: string): Promise<PostTemplate> {
    const row = await this.repository.find(id);
    const bundled = this.bundled.get(id);
    if (row !== undefined && !(row.hidden && bundled !== undefined)) return fromStored(row, bundled !== undefined);
    if (bundled !== undefined) return fromBundled(bundled);
    throw new ContractError('NOT_FOUND', `There is no template "${id}"; it may have been deleted.`);
  }

  /** Creates a template (no id) or edits one; editing a bundled template stores the creator's copy. */
  async save(input: SaveTemplateInput): Promise<PostTemplate> {
    const now = this.clock.now().toISOString();
    const id = input.id ?? `user-${randomUUID()}`;
    const existing = input.id === undefined ? undefined : await this.repository.find(input.id);
    const isBundled = this.bundled.has(id);
    if (input.id !== undefined && existing === undefined && !isBundled) {
      throw new ContractError('NOT_FOUND', `There is no template "${input.id}" to edit; it may have been deleted.`);
    }
    const row: StoredTemplate = {
      id,
      name: input.name,
      description: input.description,
      format: input.format,
      structure: input.structure,
      variables: input.variables,
      hidden: false,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.repository.upsert(row);
    return fromStored(row, isBundled);
  }

  /** Deletes the creator's template; a bundled one is hidden instead (restore brings it back). */
  async remove(id: string): Promise<{ id: string; hidden: boolean }> {
    const bundled = this.bundled.get(id);
    if (bundled === undefined) {
      if (!(await this.repository.delete(id))) {
        throw new ContractError('NOT_FOUND', `There is no template "${id}" to delete.`);
      }
      return { id, hidden: false };
    }
    const now = this.clock.now().toISOString();
    const row = await this.repository.find(id);
    await this.repository.upsert({
      ...(row ?? { ...bundled, createdAt: now }),
      hidden: true,
      updatedAt: now,
    });
    return { id, hidden: true };
  }

  /** A bundled template as shipped again: un-hidden and without the creator's edits. */
  async restore(id: string): Promise<PostTemplate> {
    const bundled = this.bundled.get(id);
    if (bundled === undefined) {
      throw new ContractError('NOT_FOUND', `"${id}" is not a bundled template; only those can be restored.`);
    }
    await this.repository.delete(id);
    return fromBundled(bundled);
  }

  /**
   * The template's structure with every `{{variable}}` filled from `values`. A missing or blank
   * value fails with VALIDATION_FAILED naming the variable (details.missing lists every one).
   */
  async render(id: string, values: Readonly<Record<string, string>>): Promise<string> {
    const template = await this.get(id);
    const missing = templatePlaceholders(template.structure).filter((name) => (values[name] ?? '').trim() === '');
    if (missing.length > 0) {
      const labels = missing.map((name) => {
        const label = template.variables.find((variable) => variable.name === name)?.label;
        return label === undefined ? `"${name}"` : `"${name}" (${label})`;
      });
      throw new ContractError(
        'VALIDATION_FAILED',
        `Fill in ${labels.join(', ')} to use the template "${template.name}".`,
        { missing },
      );
    }
    return fillTemplate(template.structure, values);
  }
}
