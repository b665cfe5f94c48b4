import type { SaveVoiceInput } from '../../../shared/contract/brand';
import type { VoiceFields, VoiceGuide, VoiceState } from '../../../shared/domain/brand';

/** The editable voice fields as the form holds them (lists as text, numbers as typed). */
export interface VoiceForm {
  tone: string;
  signaturePhrases: string;
  emojiPerPost: string;
  emojiFavourites: string;
  hashtagsPerPost: string;
  hashtagFavourites: string;
  notes: string;
}

export const EMPTY_VOICE: VoiceFields = {
  tone: [],
  typicalLength: [],
  emoji: { perPost: 0, favourites: [] },
  hashtags: { perPost: 0, favourites: [] },
  signaturePhrases: [],
  notes: '',
};

export function toVoiceForm(voice: VoiceFields | null): VoiceForm {
  const v = voice ?? EMPTY_VOICE;
  return {
    tone: v.tone.join(', '),
    signaturePhrases: v.signaturePhrases.join('\n'),
    emojiPerPost: String(v.emoji.perPost),
    emojiFavourites: v.emoji.favourites.join(' '),
    hashtagsPerPost: String(v.hashtags.perPost),
    hashtagFavourites: v.hashtags.favourites.join(' '),
    notes: v.notes,
  };
}

const commaList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
const lineList = (text: string) =>
  text
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean);
const spaceList = (text: string) => text.split(/\s+/u).filter(Boolean);
/** "growth" and "#growth" both mean the tag #growth. */
const tagList = (text: string) => spaceList(text).map((tag) => (tag.startsWith('#') ? tag : `#${tag}`));
/** A typed number, or the previous value while it is not one (the server checks the range). */
const numberOr = (text: string, previous: number) => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : previous;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only the fields the creator changed, so the server keeps learning the rest. Empty when nothing changed. */
export function changedFields(form: VoiceForm, voice: VoiceFields | null): SaveVoiceInput {
  const base = voice ?? EMPTY_VOICE;
  const next: VoiceFields = {
    ...base,
    tone: commaList(form.tone),
    signaturePhrases: lineList(form.signaturePhrases),
    emoji: { perPost: numberOr(form.emojiPerPost, base.emoji.perPost), favourites: spaceList(form.emojiFavourites) },
    hashtags: {
      perPost: numberOr(form.hashtagsPerPost, base.hashtags.perPost),
      favourites: tagList(form.hashtagFavourites),
    },
    notes: form.notes,
  };
  const changes: SaveVoiceInput = {};
  if (!same(next.tone, base.tone)) changes.tone = next.tone;
  if (!same(next.signaturePhrases, base.signaturePhrases)) changes.signaturePhrases = next.signaturePhrases;
  if (!same(next.emoji, base.emoji)) changes.emoji = next.emoji;
  if (!same(next.hashtags, base.hashtags)) changes.hashtags = next.hashtags;
  if (next.notes !== base.notes) changes.notes = next.notes;
  return changes;
}

/** Where the voice came from: "Learned from 42 published posts on …", or why it is not learned yet. */
export function learnedSummary(state: VoiceState, formatDate: (iso: string) => string): string {
  if (!state.learnedAt) {
    if (state.availablePosts < state.minimumPosts) {
      return `Not learned yet: Cadence needs at least ${state.minimumPosts} of your posts and has ${state.availablePosts}.`;
    }
    return `Not learned yet: ${state.availablePosts} of your posts are ready to learn from.`;
  }
  const kind = state.learnedSource === 'published' ? 'published ' : '';
  const posts = `${state.learnedFrom} ${kind}${state.learnedFrom === 1 ? 'post' : 'posts'}`;
  const edited = state.editedAt ? `; you edited it on ${formatDate(state.editedAt)}` : '';
  const fallback =
    state.learnedSource === 'all' ? ' (too few published posts, so unpublished posts were read too)' : '';
  return `Learned from ${posts} on ${formatDate(state.learnedAt)}${fallback}${edited}.`;
}

const METHOD_TEXT: Record<VoiceGuide['method'], string> = {
  semantic: 'Chosen by meaning (embeddings).',
  lexical: 'Chosen by shared words (full-text), as no embeddings model is running.',
  recent: 'Nothing matched, so your newest posts are used.',
  none: 'No posts to use as examples yet.',
};

export function exampleMethodText(method: VoiceGuide['method']): string {
  return METHOD_TEXT[method];
}

/** 0.123 -> "12%". */
export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
