import type { SaveTemplateInput } from '../../../shared/contract/templates';
import type { PostTemplate, TemplateList } from '../../../shared/domain/templates';
import { getClient } from '../../client/client';

export function fetchTemplates(): Promise<TemplateList> {
  return getClient().invoke('templates:list-templates', {});
}

export function saveTemplate(input: SaveTemplateInput): Promise<PostTemplate> {
  return getClient().invoke('templates:save-template', input);
}

export function deleteTemplate(id: string): Promise<{ id: string; hidden: boolean }> {
  return getClient().invoke('templates:delete-template', { id });
}

export function restoreTemplate(id: string): Promise<PostTemplate> {
  return getClient().invoke('templates:restore-template', { id });
}

export async function renderTemplate(id: string, values: Record<string, string>): Promise<string> {
  return (await getClient().invoke('templates:render-template', { id, values })).text;
}
