import type { SaveVoiceInput } from '../../shared/contract/brand';
import { ContractError } from '../../shared/contract/errors';
import {
  VOICE_FIELDS,
  VOICE_MINIMUM_POSTS,
  type VoiceField,
  type VoiceFields,
  type VoiceGuide,
  type VoiceState,
} from '../../shared/domain/brand';
import type { Platform } from '../../shared/domain/platform';
import type { ClockPort } from '../platform/clock/types';
import { pickExamples, type SimilarPostsFn } from './example-picker';
import { analyseVoice } from './voice-analysis';
import { voiceInstructions } from './voice-instructions';
import { VOICE_POST_LIMIT, type StoredVoice, type VoiceRepository } from './voice.repository';

const EMPTY_FIELDS: VoiceFields = {
  tone: [],
  typicalLength: [],
  emoji: { perPost: 0, favourites: [] },
  hashtags: { perPost: 0, favourites: [] },
  signaturePhrases: [],
  notes: '',
};

/**
 * The creator's brand voice: learned from their own posts (published or imported ones first, any
 * non-empty posts when fewer than five went out), editable field by field, and turned into plain
 * instructions plus few-shot examples for drafting.
 */
export class BrandService {
  constructor(
    private readonly repository: VoiceRepository,
    private readonly clock: ClockPort,
    private readonly similar?: SimilarPostsFn,
  ) {}

  /** The voice as stored, with how many posts learning would read now. */
  async getVoice(): Promise<VoiceState> {
    const [row, counts] = await Promise.all([this.repository.get(), this.repository.counts()]);
    const available = counts.published >= VOICE_MINIMUM_POSTS ? counts.published : counts.all;
    return {
      voice: row?.voice.fields ?? null,
      cues: row?.voice.cues ?? null,
      learnedAt: row?.learnedAt ?? null,
      editedAt: row?.editedAt ?? null,
      learnedFrom: row?.voice.learnedFrom ?? 0,
      learnedSource: row?.voice.learnedSource ?? null,
      editedFields: row?.voice.editedFields ?? [],
      availablePosts: Math.min(available, VOICE_POST_LIMIT),
      minimumPosts: VOICE_MINIMUM_POSTS,
    };
  }

  /**
   * Learns the voice from the creator's posts. Fields the creator edited are kept unless
   * `overwriteEdits`; their notes are always kept (learning never writes notes). Fails with
   * UNAVAILABLE when there are fewer than five posts to learn from.
   */
  async learnVoice(options: { overwriteEdits?: boolean } = {}): Promise<VoiceState> {
    const counts = await this.repository.counts();
    const publishedOnly = counts.published >= VOICE_MINIMUM_POSTS;
    const posts = await this.repository.recent(VOICE_POST_LIMIT, publishedOnly);
    if (posts.length < VOICE_MINIMUM_POSTS) {
      throw new ContractError(
        'UNAVAILABLE',
        `Not enough posts yet: learning your voice needs at least ${VOICE_MINIMUM_POSTS} of your posts with text, and there ${posts.length === 1 ? 'is' : 'are'} ${posts.length}.`,
        { found: posts.length, needed: VOICE_MINIMUM_POSTS },
      );
    }
    const learned = analyseVoice(posts);
    const previous = await this.repository.get();
    const overwrite = options.overwriteEdits === true;
    // Notes are the creator's own words, never learned: they stay even when overwriting edits.
    const editedFields = (previous?.voice.editedFields ?? []).filter((field) => !overwrite || field === 'notes');
    const fields = { ...learned.fields };
    for (const field of editedFields) assignField(fields, field, previous!.voice.fields);
    fields.notes = previous?.voice.fields.notes ?? '';

    await this.repository.put({
      voice: {
        fields,
        cues: learned.cues,
        learnedFrom: posts.length,
        learnedSource: publishedOnly ? 'published' : 'all',
        editedFields,
      },
      learnedAt: this.clock.now().toISOString(),
      editedAt: editedFields.length > 0 ? (previous?.editedAt ?? null) : null,
    });
    return this.getVoice();
  }

  /** Saves the creator's changes; those fields are marked edited and survive relearning. */
  async saveVoice(changes: SaveVoiceInput): Promise<VoiceState> {
    const previous = await this.repository.get();
    const base: StoredVoice = previous?.voice ?? {
      fields: EMPTY_FIELDS,
      cues: null,
      learnedFrom: 0,
      learnedSource: null,
      editedFields: [],
    };
    const fields = { ...base.fields, ...changes } as VoiceFields;
    const changed = VOICE_FIELDS.filter((field) => changes[field] !== undefined);
    const editedFields = VOICE_FIELDS.filter((field) => base.editedFields.includes(field) || changed.includes(field));
    await this.repository.put({
      voice: { ...base, fields, editedFields },
      learnedAt: previous?.learnedAt ?? null,
      editedAt: this.clock.now().toISOString(),
    });
    return this.getVoice();
  }

  /**
   * What drafting adds to a prompt for `text` on `platform`: the voice as plain sentences (empty
   * when no voice is learned or edited yet) and up to `k` of the creator's posts most like the text.
   */
  async voiceGuide(text: string, platform?: Platform, k = 3): Promise<VoiceGuide> {
    const [row, counts] = await Promise.all([this.repository.get(), this.repository.counts()]);
    const instructions = row === undefined ? '' : voiceInstructions(row.voice.fields, platform);
    const { examples, method } = await pickExamples(this.repository, this.similar, {
      text,
      platform,
      k,
      publishedOnly: counts.published >= VOICE_MINIMUM_POSTS,
    });
    return { instructions, examples, method };
  }
}

/** Copies one field from `source` into `target`. */
function assignField<F extends VoiceField>(target: VoiceFields, field: F, source: VoiceFields): void {
  target[field] = source[field];
}
