import type { Platform } from '../../shared/domain/platform';

/** How posts tend to look on a platform: what the drafting prompt asks for (limits come from platform-limits.json). */
export interface PlatformNorms {
  /** Characters per post (or per thread part) that tend to do well. */
  sweetSpot: { min: number; max: number };
  /** Whether a long idea may become a thread of posts separated by `---` lines. */
  threads: boolean;
  /** How many hashtags people usually use there, and where. */
  hashtags: string;
  /** Shape and tone habits of the platform, in one or two sentences for the model. */
  style: string;
  /** Token budget for one draft (a thread needs more room than a caption). */
  maxTokens: number;
}

/**
 * Drafting norms per platform. Numbers are common creator guidance (short X posts, LinkedIn posts of a
 * few short paragraphs, Instagram captions with hashtags at the end), kept modest: the shaping step
 * enforces the hard limits afterwards, so these only steer the first draft.
 */
export const PLATFORM_NORMS: Readonly<Record<Platform, PlatformNorms>> = {
  x: {
    sweetSpot: { min: 70, max: 260 },
    threads: true,
    hashtags: 'none or one, never more than two',
    style: 'Punchy first line. When the idea needs room, write a thread of 3 to 7 short posts.',
    maxTokens: 600,
  },
  linkedin: {
    sweetSpot: { min: 800, max: 1500 },
    threads: false,
    hashtags: 'three to five at the very end',
    style:
      'A one-line hook, then short paragraphs of one or two sentences with blank lines between, and a question or call to action at the end.',
    maxTokens: 700,
  },
  instagram: {
    sweetSpot: { min: 150, max: 1000 },
    threads: false,
    hashtags: 'five to fifteen relevant ones at the end (never more than 30)',
    style: 'A caption whose first line makes people tap "more", then the value, then a call to action.',
    maxTokens: 500,
  },
  facebook: {
    sweetSpot: { min: 40, max: 400 },
    threads: false,
    hashtags: 'none or one or two',
    style: 'Conversational and short, ending with a question that invites comments.',
    maxTokens: 350,
  },
  youtube: {
    sweetSpot: { min: 200, max: 1500 },
    threads: false,
    hashtags: 'three to eight at the end (they become the video tags)',
    style:
      'The first line is the video title (at most 100 characters); then the description, whose first two lines hook the viewer; end with a few hashtags, which become the video tags.',
    maxTokens: 700,
  },
  tiktok: {
    sweetSpot: { min: 80, max: 300 },
    threads: false,
    hashtags: 'three to five at the end',
    style: 'A short caption that hooks in the first words and says what the video shows.',
    maxTokens: 250,
  },
  threads: {
    sweetSpot: { min: 100, max: 450 },
    threads: true,
    hashtags: 'none or one topic tag',
    style: 'Casual and direct; a thread of a few posts when the idea needs room.',
    maxTokens: 450,
  },
  bluesky: {
    sweetSpot: { min: 80, max: 280 },
    threads: true,
    hashtags: 'none or one or two',
    style: 'Plain, friendly and specific; a thread of a few short posts when the idea needs room.',
    maxTokens: 400,
  },
  mastodon: {
    sweetSpot: { min: 100, max: 480 },
    threads: true,
    hashtags: 'one to three in CamelCase (people follow hashtags there, and screen readers need the capitals)',
    style: 'Thoughtful and plain, no hype; a thread when the idea needs room.',
    maxTokens: 450,
  },
};
