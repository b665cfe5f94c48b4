import { fillTemplate } from '../../shared/domain/templates';
import type { BrandService } from '../brand/brand.service';
import type { TemplatesService } from '../templates/templates.service';
import type { StudioBrand, StudioTemplates } from './studio.ports';

/**
 * The template for a prompt: its structure with the creator's values filled in. Unlike
 * `render`, blanks are allowed: a placeholder left as `{{name}}` is for the model to fill from the
 * source. An unknown id is NOT_FOUND (from `get`).
 */
export function templatesPort(templates: TemplatesService): StudioTemplates {
  return {
    renderForPrompt: async (id, values) => {
      const template = await templates.get(id);
      const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
      return { name: template.name, text: fillTemplate(template.structure, given) };
    },
  };
}

/** The brand voice for a draft: instructions and the texts of the creator's most similar posts. */
export function brandPort(brand: BrandService): StudioBrand {
  return {
    voiceGuide: async (text, platform) => {
      const guide = await brand.voiceGuide(text, platform);
      return { instructions: guide.instructions, examples: guide.examples.map((example) => example.text) };
    },
  };
}
