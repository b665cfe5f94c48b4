import type { MalformedRows } from '../contract/malformed-rows';

const POST = '5b0c1c1e-3b6a-4d7f-9a43-1a2b3c4d5e6f';

/** Inputs each quality channel must refuse before any service runs (read by dispatcher.test.ts). */
export const qualityMalformedInputs: MalformedRows<'quality'> = {
  'quality:score-post': [
    {},
    [],
    { text: 'Hello' },
    { text: '', platform: 'x' },
    { text: 'Hello', platform: 'myspace' },
    { postId: 'not-a-uuid' },
    { postId: POST, extra: true },
    { text: 'x'.repeat(100_001), platform: 'x' },
  ],
  'quality:critique-post': [
    {},
    { text: 'Hello' },
    { postId: POST },
    { text: 'Hello', platform: 'x', requestId: 'abc' },
    { text: 'Hello', platform: 'x', extra: 1 },
  ],
  'quality:fix-finding': [
    {},
    { text: 'Hello', platform: 'x' },
    { text: 'Hello', platform: 'x', findingId: '' },
    { text: 'Hello', platform: 'x', findingId: 7 },
    { platform: 'x', findingId: 'cta-missing' },
    { text: 'Hello', platform: 'x', findingId: 'cta-missing', requestId: 'nope' },
  ],
};
