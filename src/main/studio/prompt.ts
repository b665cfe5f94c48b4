import type { Platform } from '../../shared/domain/platform';
import type { IdeaSourceKind, VariantLabel } from '../../shared/domain/studio';
import { getFieldLimit, getPlatformLimit } from '../../shared/platforms';
import { THREAD_SEPARATOR } from '../../shared/platforms/thread';
import type { ChatMessage } from '../llm/provider';
import { PLATFORM_NORMS } from './platform-norms';
import type { TemplateForPrompt, VoiceGuide } from './studio.ports';

/** The material a draft is written from, already resolved (a link fetched, a post read). */
export interface SourceMaterial {
  kind: IdeaSourceKind;
  /** The topic, the URL, the pasted text, the transcript, or the source post's body. */
  text: string;
  /** For a link: what the page said (title, description, first paragraphs), or null if it could not be read. */
  page?: { title: string; description: string; excerpt: string } | null;
}

export interface DraftPromptInput {
  platform: Platform;
  variant: VariantLabel;
  source: SourceMaterial;
  template: TemplateForPrompt | null;
  voice: VoiceGuide | null;
}

/** Source text beyond this is cut: a local model's context is small and the first part carries the point. */
export const MAX_SOURCE_CHARS = 6_000;
const MAX_EXAMPLE_CHARS = 600;

/** Each variant takes its own angle, so A, B and C are not copies of one another. */
export const VARIANT_ANGLES: Readonly<Record<VariantLabel, string>> = {
  A: 'Take the clearest, most useful angle on the idea.',
  B: 'Open with a different kind of hook than a plain summary: a surprising fact, a sharp question or a bold claim, and build the post from there.',
  C: 'Write a shorter take: one core point, about half the usual length.',
};

/** The system and user messages for one draft: platform norms, template, brand voice, variant angle, source. */
export function buildDraftPrompt(input: DraftPromptInput): ChatMessage[] {
  return [
    { role: 'system', content: systemMessage(input) },
    { role: 'user', content: userMessage(input) },
  ];
}

/** The token budget for a draft: the platform's, halved for the shorter variant C. */
export function draftMaxTokens(platform: Platform, variant: VariantLabel): number {
  const budget = PLATFORM_NORMS[platform].maxTokens;
  return variant === 'C' ? Math.max(120, Math.round(budget / 2)) : budget;
}

function systemMessage({ platform, variant, template, voice }: DraftPromptInput): string {
  const norms = PLATFORM_NORMS[platform];
  const limit = getFieldLimit(platform);
  const name = getPlatformLimit(platform).displayName;
  const lines = [
    `You write social media posts for a solo creator, in their voice. Write one ${name} post.`,
    `${name} norms: ${norms.style}`,
    `Length: aim for ${norms.sweetSpot.min}–${norms.sweetSpot.max} characters per post; never more than ${limit.limit} (${limit.label.toLowerCase()}).`,
    norms.threads
      ? `Threads are allowed: put each post of a thread in its own block, separated by a line holding only ${THREAD_SEPARATOR}.`
      : 'No threads: one single post.',
    `Hashtags: ${norms.hashtags}.`,
    `Angle: ${VARIANT_ANGLES[variant]}`,
  ];
  if (template) {
    lines.push(
      `Follow this structure ("${template.name}"); fill any {{placeholder}} from the source:\n${template.text.trim()}`,
    );
  }
  if (voice) {
    if (voice.instructions.trim()) lines.push(`Voice: ${voice.instructions.trim()}`);
    const examples = voice.examples.filter((e) => e.trim()).slice(0, 3);
    if (examples.length > 0) {
      lines.push(
        'Posts the creator wrote before (match their tone, not their topics):\n' +
          examples.map((e, i) => `Example ${i + 1}:\n${clip(e.trim(), MAX_EXAMPLE_CHARS)}`).join('\n\n'),
      );
    }
  }
  lines.push('Reply with the post text only: no preamble, no notes, no quotes around it.');
  return lines.join('\n\n');
}

function userMessage({ source }: DraftPromptInput): string {
  const text = clip(source.text.trim(), MAX_SOURCE_CHARS);
  switch (source.kind) {
    case 'topic':
      return `Topic: ${text}`;
    case 'text':
      return `Write the post from this text:\n\n${text}`;
    case 'transcript':
      return `Write the post from this voice note transcript (spoken words: keep the ideas, drop the filler):\n\n${text}`;
    case 'post':
      return `Adapt this existing post of mine:\n\n${text}`;
    case 'link':
      return linkMessage(text, source.page ?? null);
  }
}

function linkMessage(url: string, page: SourceMaterial['page']): string {
  if (!page) return `Write the post about this link (its page could not be read, so go by the address): ${url}`;
  const parts = [`Write the post about this page, and include the link: ${url}`];
  if (page.title) parts.push(`Title: ${page.title}`);
  if (page.description) parts.push(`Description: ${page.description}`);
  if (page.excerpt) parts.push(`From the page:\n${clip(page.excerpt, MAX_SOURCE_CHARS)}`);
  return parts.join('\n\n');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()} …`;
}
