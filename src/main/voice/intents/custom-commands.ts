import type { CustomCommand, VoiceIntent, VoiceLanguage } from '../../../shared/domain/voice';
import { normalizePhrase } from './normalize';

export interface CustomMatch {
  command: CustomCommand;
  intents: VoiceIntent[];
}

const TOPIC_LEAD = /^(?:about|on|regarding|sobre|acerca de|de) /;

/**
 * A taught phrase matches when the utterance equals it after normalisation (with or without the
 * wake words and fillers). Decided: it also matches as a prefix when the command drafts a post —
 * "linkedin idea about coffee" with a taught "linkedin idea" drafts about "coffee" (the words after
 * the phrase replace the topic of every draft step). Other commands match exactly only, so a taught
 * "ship it" never fires on "ship it to the archive". Commands in the current language win; the
 * longest phrase wins among prefixes.
 */
export function matchCustomCommand(
  commands: readonly CustomCommand[],
  utterance: { normalized: string; words: string },
  language: VoiceLanguage,
): CustomMatch | null {
  const ordered = [...commands].sort(
    (a, b) =>
      Number(b.language === language) - Number(a.language === language) ||
      normalizePhrase(b.phrase).length - normalizePhrase(a.phrase).length,
  );
  for (const command of ordered) {
    const phrase = normalizePhrase(command.phrase);
    if (phrase !== '' && (phrase === utterance.normalized || phrase === utterance.words)) {
      return { command, intents: command.intents };
    }
  }
  for (const command of ordered) {
    const phrase = normalizePhrase(command.phrase);
    if (phrase === '' || !command.intents.some((i) => i.action === 'draft.create')) continue;
    for (const text of [utterance.words, utterance.normalized]) {
      if (!text.startsWith(`${phrase} `)) continue;
      const topic = text
        .slice(phrase.length + 1)
        .replace(TOPIC_LEAD, '')
        .trim()
        .slice(0, 300);
      if (topic === '') continue;
      const intents = command.intents.map((i) => (i.action === 'draft.create' ? { ...i, topic } : i));
      return { command, intents };
    }
  }
  return null;
}
