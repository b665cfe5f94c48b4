import type { Platform } from '../../../shared/domain/platform';
import { isWebLink, type IdeaSource, type IdeaSourceKind } from '../../../shared/domain/studio';

/** What the idea form holds. One text value serves topic, link, text and transcript. */
export interface IdeaForm {
  kind: IdeaSourceKind;
  value: string;
  /** The post to start from when kind is "post". */
  postId: string;
  platforms: Platform[];
  variants: number;
  /** '' for no template. */
  templateId: string;
  templateValues: Record<string, string>;
}

/** The label of the source field for each kind (the topic field is "Idea", what the journey types into). */
export const SOURCE_FIELD_LABELS: Record<IdeaSourceKind, string> = {
  topic: 'Idea',
  link: 'Link',
  text: 'Pasted text',
  transcript: 'Voice transcript',
  post: 'Existing post',
};

/** The source picker's options, in order. */
export const SOURCE_KIND_LABELS: Record<IdeaSourceKind, string> = {
  topic: 'Topic',
  link: 'Link',
  text: 'Text',
  transcript: 'Voice note',
  post: 'Existing post',
};

export type CheckedForm = { ok: true; source: IdeaSource } | { ok: false; errors: Record<string, string> };

const MISSING: Record<IdeaSourceKind, string> = {
  topic: 'Say what the post is about',
  link: 'Paste the link to write about',
  text: 'Paste the text to write from',
  transcript: 'Paste the transcript of your voice note',
  post: 'Pick the post to start from',
};

/**
 * The form checked the way the core will check it, so mistakes show at once: a source for the kind
 * (an http(s) link for links), at least one platform, and every template variable filled.
 */
export function checkIdeaForm(form: IdeaForm, templateVariables: readonly string[] = []): CheckedForm {
  const errors: Record<string, string> = {};
  const value = (form.kind === 'post' ? form.postId : form.value).trim();
  if (!value) errors.value = MISSING[form.kind];
  else if (form.kind === 'link' && !isWebLink(value)) errors.value = 'A link must start with http:// or https://';
  if (form.platforms.length === 0) errors.platforms = 'Pick at least one platform';
  const missing = templateVariables.filter((name) => !(form.templateValues[name] ?? '').trim());
  if (form.templateId && missing.length > 0) errors.template = `Fill in ${missing.join(', ')}`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, source: { kind: form.kind, value } as IdeaSource };
}
