import type { BulkFormat } from '../../shared/domain/bulk';
import type { Platform } from '../../shared/domain/platform';
import type { ChatMessage } from '../llm/provider';
import { buildDraftPrompt, draftMaxTokens } from '../studio/prompt';
import type { VoiceGuide } from '../studio/studio.ports';

/**
 * The structure each bulk format asks for. Short on purpose: the bundled templates
 * (resources/post-templates.json, templates domain) can replace these once a plan item names one.
 */
export const FORMAT_STRUCTURES: Readonly<Record<BulkFormat, string>> = {
  listicle:
    'A hook that promises a list, then 3 to 7 numbered points of one or two lines each, then a one-line takeaway.',
  'how-to': 'A hook naming the result, then the steps in order (short and concrete), then a tip or a common pitfall.',
  story: 'A moment that sets the scene, the problem, what happened, and the lesson in one line at the end.',
  'contrarian-take':
    'State the common advice, say why you disagree, give the reason or evidence, then what to do instead.',
  'case-study': 'The situation, what was tried, the result with numbers if any, and what others can copy.',
  'hook-value-cta':
    'A one-line hook, the value in a few short lines, and a call to action (a question or what to do next).',
  announcement: 'What is new in one line, why it matters to the reader, and what to do next.',
};

/**
 * The messages and token budget for one bulk item: the studio's draft prompt (platform norms,
 * limits, thread separator) with the item's topic, its format's structure and, when there is one,
 * the brand voice (instructions and few-shot examples picked by similarity to the topic).
 */
export function bulkPrompt(
  item: { platform: Platform; topic: string; format: BulkFormat },
  voice: VoiceGuide | null = null,
): {
  messages: ChatMessage[];
  maxTokens: number;
} {
  const messages = buildDraftPrompt({
    platform: item.platform,
    variant: 'A',
    source: { kind: 'topic', text: item.topic },
    template: { name: item.format, text: FORMAT_STRUCTURES[item.format] },
    voice,
  });
  return { messages, maxTokens: draftMaxTokens(item.platform, 'A') };
}
