import type { VoiceFields } from '../../shared/domain/brand';
import type { Platform } from '../../shared/domain/platform';
import { getPlatformLimit } from '../../shared/platforms/limits';

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function perPost(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * The voice as plain sentences for a drafting prompt: tone, length (for the platform when known),
 * emoji and hashtag habits, signature phrases, and the creator's own notes. Empty when the voice
 * holds nothing to say.
 */
export function voiceInstructions(voice: VoiceFields, platform?: Platform): string {
  const lines: string[] = [];
  if (voice.tone.length > 0) lines.push(`Write in the creator's voice: ${list(voice.tone)}.`);

  const length =
    (platform === undefined ? undefined : voice.typicalLength.find((entry) => entry.platform === platform)) ??
    (platform === undefined ? voice.typicalLength[0] : undefined);
  if (length !== undefined && length.posts > 0) {
    lines.push(
      `Their ${getPlatformLimit(length.platform).displayName} posts are typically about ${length.medianChars} characters long.`,
    );
  }

  if (voice.emoji.perPost === 0) lines.push('They do not use emoji.');
  else {
    const favourite = voice.emoji.favourites.length > 0 ? `, most often ${voice.emoji.favourites.join(' ')}` : '';
    const how =
      voice.emoji.perPost < 0.5 ? 'rarely use emoji' : `use about ${perPost(voice.emoji.perPost)} emoji per post`;
    lines.push(`They ${how}${favourite}.`);
  }

  if (voice.hashtags.perPost === 0) lines.push('They do not use hashtags.');
  else {
    const favourite =
      voice.hashtags.favourites.length > 0 ? `, often ${voice.hashtags.favourites.slice(0, 5).join(' ')}` : '';
    lines.push(`They use about ${perPost(voice.hashtags.perPost)} hashtags per post${favourite}.`);
  }

  if (voice.signaturePhrases.length > 0) {
    const phrases = voice.signaturePhrases.map((phrase) => `"${phrase}"`).join(', ');
    lines.push(`Phrases they often use (only where one fits naturally): ${phrases}.`);
  }
  const notes = voice.notes.trim();
  if (notes.length > 0) lines.push(`In the creator's own words: ${notes}`);
  return lines.join(' ');
}
