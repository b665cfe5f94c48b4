import { describe, expect, it } from 'vitest';
import type { VoiceFields, VoiceState } from '../../../shared/domain/brand';
import { changedFields, exampleMethodText, learnedSummary, percent, toVoiceForm } from './voice-form';

const voice: VoiceFields = {
  tone: ['casual', 'personal'],
  typicalLength: [{ platform: 'x', medianChars: 180, posts: 12 }],
  emoji: { perPost: 1.5, favourites: ['🚀', '✨'] },
  hashtags: { perPost: 2, favourites: ['#buildinpublic'] },
  signaturePhrases: ['ship it', 'here is the thing'],
  notes: '',
};

describe('changedFields', () => {
  it('is empty when nothing changed', () => {
    expect(changedFields(toVoiceForm(voice), voice)).toEqual({});
  });

  it('sends only the changed fields, lists split and tags given their #', () => {
    const form = {
      ...toVoiceForm(voice),
      tone: 'casual,  witty ,',
      hashtagFavourites: 'buildinpublic #indiehackers',
      notes: 'No jargon.',
    };
    expect(changedFields(form, voice)).toEqual({
      tone: ['casual', 'witty'],
      hashtags: { perPost: 2, favourites: ['#buildinpublic', '#indiehackers'] },
      notes: 'No jargon.',
    });
  });

  it('keeps the old number while the typed one is not a number', () => {
    expect(changedFields({ ...toVoiceForm(voice), emojiPerPost: '' }, voice)).toEqual({});
    expect(changedFields({ ...toVoiceForm(voice), emojiPerPost: '0' }, voice).emoji).toEqual({
      perPost: 0,
      favourites: ['🚀', '✨'],
    });
  });

  it('starts from an empty voice when none was learned', () => {
    expect(changedFields({ ...toVoiceForm(null), signaturePhrases: 'a\n\nb ' }, null)).toEqual({
      signaturePhrases: ['a', 'b'],
    });
  });
});

describe('learnedSummary', () => {
  const base: VoiceState = {
    voice: null,
    cues: null,
    learnedAt: null,
    editedAt: null,
    learnedFrom: 0,
    learnedSource: null,
    editedFields: [],
    availablePosts: 2,
    minimumPosts: 5,
  };
  const day = (iso: string) => iso.slice(0, 10);

  it.each<[Partial<VoiceState>, string]>([
    [{}, 'Not learned yet: Cadence needs at least 5 of your posts and has 2.'],
    [{ availablePosts: 9 }, 'Not learned yet: 9 of your posts are ready to learn from.'],
    [
      { learnedAt: '2026-06-01T10:00:00Z', learnedFrom: 42, learnedSource: 'published' },
      'Learned from 42 published posts on 2026-06-01.',
    ],
    [
      {
        learnedAt: '2026-06-01T10:00:00Z',
        learnedFrom: 6,
        learnedSource: 'all',
        editedAt: '2026-06-02T10:00:00Z',
      },
      'Learned from 6 posts on 2026-06-01 (too few published posts, so unpublished posts were read too); you edited it on 2026-06-02.',
    ],
  ])('describes %j', (patch, text) => {
    expect(learnedSummary({ ...base, ...patch }, day)).toBe(text);
  });
});

describe('small texts', () => {
  it('names how examples were chosen and formats rates', () => {
    expect(exampleMethodText('lexical')).toMatch(/full-text/);
    expect(percent(0.123)).toBe('12%');
  });
});
