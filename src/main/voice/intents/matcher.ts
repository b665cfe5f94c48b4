import type { Platform } from '../../../shared/domain/platform';
import type { VoiceAction, VoiceIntent, VoicePage } from '../../../shared/domain/voice';
import type { LanguageGrammar } from './grammar-types';
import { platformFromAlias } from './platforms';
import { resolveSpokenTime, type TimeContext } from './times';

export type GrammarMatch =
  | { kind: 'match'; intents: VoiceIntent[] }
  /** An action was recognisable but its slot was missing, unknown or (for times) in the past. */
  | { kind: 'near'; actions: VoiceAction[] }
  | { kind: 'none' };

function pageFor(grammar: LanguageGrammar, phrase: string): VoicePage | null {
  for (const [page, names] of Object.entries(grammar.pages) as Array<[VoicePage, string[]]>) {
    if (names.includes(phrase)) return page;
  }
  return null;
}

function draftFrom(grammar: LanguageGrammar, groups: Record<string, string | undefined>): VoiceIntent | 'near' {
  let topic = (groups.topic ?? '').trim();
  let platform: Platform | null =
    platformFromAlias(groups.p1 ?? '') ??
    platformFromAlias(groups.p2 ?? '') ??
    grammar.nounPlatforms[groups.noun ?? ''] ??
    null;
  const trailing = grammar.trailingPlatform.exec(topic);
  if (trailing?.groups?.p3 && trailing.groups.topic) {
    platform = platformFromAlias(trailing.groups.p3) ?? platform;
    topic = trailing.groups.topic.trim();
  }
  // "a post on LinkedIn" has no topic: the platform landed in the topic slot.
  if (topic === '' || grammar.emptyTopics.has(topic) || platformFromAlias(topic) !== null) return 'near';
  return { action: 'draft.create', topic: topic.slice(0, 300), platform };
}

/** Matches one filler-free normalised utterance against one language's grammar. */
export function matchGrammar(grammar: LanguageGrammar, words: string, time: TimeContext): GrammarMatch {
  if (words === '') return { kind: 'none' };
  for (const rule of grammar.fixed) {
    if (rule.patterns.some((p) => p.test(words))) return { kind: 'match', intents: [rule.intent] };
  }
  let scheduleNear = false;
  for (const rule of grammar.schedule) {
    const phrase = rule.pattern.exec(words)?.groups?.time;
    if (phrase === undefined) continue;
    const resolved = resolveSpokenTime(phrase, { ...time, language: grammar.language });
    if (resolved.ok) {
      return { kind: 'match', intents: [{ action: 'post.schedule', at: resolved.at, spoken: resolved.spoken }] };
    }
    if (rule.strict || resolved.reason !== 'no-time') scheduleNear = true;
  }
  if (scheduleNear) return { kind: 'near', actions: ['post.schedule'] };
  for (const pattern of grammar.navigate) {
    const phrase = pattern.exec(words)?.groups?.page;
    const page = phrase === undefined ? null : pageFor(grammar, phrase);
    if (page) return { kind: 'match', intents: [{ action: 'app.navigate', page }] };
  }
  let draftNear = false;
  for (const pattern of grammar.draft) {
    const groups = pattern.exec(words)?.groups;
    if (!groups) continue;
    const intent = draftFrom(grammar, groups);
    if (intent !== 'near') return { kind: 'match', intents: [intent] };
    draftNear = true;
  }
  if (draftNear) return { kind: 'near', actions: ['draft.create'] };
  const near = [...new Set(grammar.nearMisses.filter((n) => n.pattern.test(words)).map((n) => n.action))];
  return near.length > 0 ? { kind: 'near', actions: near } : { kind: 'none' };
}
