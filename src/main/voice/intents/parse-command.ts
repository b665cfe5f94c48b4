import type { CustomCommand, VoiceAction, VoiceIntent, VoiceLanguage } from '../../../shared/domain/voice';
import { matchCustomCommand } from './custom-commands';
import { ENGLISH } from './phrases-en';
import { SPANISH } from './phrases-es';
import type { LanguageGrammar } from './grammar-types';
import { detectLanguage } from './language';
import { matchGrammar } from './matcher';
import { normalizePhrase, originalWording, stripFillers } from './normalize';
import { suggestPhrasings } from './suggestions';

/** What a command is understood against: the moment and place it was spoken, and the creator's taught phrases. */
export interface CommandContext {
  /** Reference for relative times ("tomorrow at 9", "in two hours"). */
  now: Date;
  /** IANA zone the creator lives in; spoken times are wall-clock times there. */
  timeZone: string;
  language: VoiceLanguage;
  customCommands: CustomCommand[];
}

export type ParseResult =
  | { kind: 'understood'; intents: VoiceIntent[]; by: 'grammar' | 'custom'; language: VoiceLanguage }
  | { kind: 'not-understood'; suggestions: string[] };

/** Topics and spoken times are shown back, so they keep the speaker's accents and capitals. */
function asSaid(intent: VoiceIntent, text: string): VoiceIntent {
  if (intent.action === 'draft.create') return { ...intent, topic: originalWording(intent.topic, text) };
  if (intent.action === 'post.schedule') return { ...intent, spoken: originalWording(intent.spoken, text) };
  return intent;
}

const GRAMMARS: Record<VoiceLanguage, LanguageGrammar> = { en: ENGLISH, es: SPANISH };

/**
 * Understands a transcript (Whisper's punctuated sentences or pocketsphinx's bare words) with taught
 * phrases first, then the grammar of `ctx.language`, then — only when the words are clearly the
 * other language — that language's grammar. Never guesses: anything else is not understood, with
 * 1–3 phrasings to say instead in the language the words were in.
 */
export function parseCommand(text: string, ctx: CommandContext): ParseResult {
  const normalized = normalizePhrase(text);
  const words = stripFillers(normalized);
  const custom = matchCustomCommand(ctx.customCommands, { normalized, words }, ctx.language);
  if (custom) return { kind: 'understood', intents: custom.intents, by: 'custom', language: custom.command.language };

  const detected = detectLanguage(text);
  const languages: VoiceLanguage[] =
    detected !== null && detected !== ctx.language ? [ctx.language, detected] : [ctx.language];
  const near: Record<VoiceLanguage, VoiceAction[]> = { en: [], es: [] };
  for (const language of languages) {
    const match = matchGrammar(GRAMMARS[language], words, { now: ctx.now, timeZone: ctx.timeZone, language });
    if (match.kind === 'match') {
      return { kind: 'understood', intents: match.intents.map((i) => asSaid(i, text)), by: 'grammar', language };
    }
    if (match.kind === 'near') near[language] = match.actions;
  }
  const language = detected ?? ctx.language;
  return { kind: 'not-understood', suggestions: suggestPhrasings(words, language, near[language]) };
}
