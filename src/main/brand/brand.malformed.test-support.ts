import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each brand channel must refuse before any service runs (read by dispatcher.test.ts). */
export const brandMalformedInputs: MalformedRows<'brand'> = {
  'brand:get-voice': [[], 'voice', { extra: true }],
  'brand:learn-voice': [[], { overwriteEdits: 'yes' }, { overwriteEdits: 1 }, { extra: true }],
  'brand:save-voice': [
    {},
    [],
    { tone: 'warm' },
    { tone: [''] },
    { notes: 42 },
    { notes: 'x'.repeat(5001) },
    { emoji: { perPost: -1, favourites: [] } },
    { hashtags: { perPost: 1 } },
    { typicalLength: [{ platform: 'myspace', medianChars: 10, posts: 1 }] },
    { voice: 'mine' },
  ],
  'brand:preview-examples': [
    {},
    { text: '   ' },
    { text: 'hello', platform: 'myspace' },
    { text: 'hello', k: 0 },
    { text: 'hello', k: 11 },
    { text: 'hello', k: 1.5 },
    { text: 'hello', extra: true },
  ],
};
