import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each hashtags channel must refuse before any service runs (read by dispatcher.test.ts). */
export const hashtagsMalformedInputs: MalformedRows<'hashtags'> = {
  'hashtags:recommend': [
    {},
    [],
    { text: 'Bread' },
    { text: 'Bread', platform: 'myspace' },
    { text: 7, platform: 'x' },
    { text: 'Bread', platform: 'x', postId: 'nope' },
    { text: 'Bread', platform: 'x', extra: true },
    { text: 'x'.repeat(100_001), platform: 'x' },
  ],
};
