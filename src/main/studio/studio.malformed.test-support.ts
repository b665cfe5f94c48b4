import type { MalformedRows } from '../contract/malformed-rows';

const POST = '3f2b8c1e-5d4a-4b6c-9e7f-0a1b2c3d4e5f';
const REQ = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const draft = (platform: string, variant = 'A', requestId = REQ) => ({ platform, variant, requestId });
const valid = { source: { kind: 'topic', value: 'rye bread' }, platforms: ['x'], drafts: [draft('x')] };

/** Inputs each studio channel must refuse before any service runs (read by dispatcher.test.ts). */
export const studioMalformedInputs: MalformedRows<'studio'> = {
  'studio:draft-idea': [
    {},
    { ...valid, platforms: [], drafts: [] },
    { ...valid, source: { kind: 'link', value: 'ftp://example.com/file' } },
    { ...valid, source: { kind: 'link', value: 'not a link' } },
    { ...valid, source: { kind: 'post', value: 'not-an-id' } },
    { ...valid, source: { kind: 'video', value: 'x' } },
    { ...valid, source: { kind: 'topic', value: '   ' } },
    { ...valid, platforms: ['x', 'x'] },
    { ...valid, platforms: ['myspace'] },
    { ...valid, variants: 4 },
    { ...valid, variants: 0 },
    { ...valid, drafts: [draft('linkedin')] },
    { ...valid, drafts: [draft('x'), draft('x', 'A', POST)] },
    { ...valid, drafts: [draft('x', 'A', 'nope')] },
    { ...valid, variants: 2 },
    { ...valid, extra: true },
  ],
  'studio:cancel-drafts': [{}, { ideaId: 'x' }, { ideaId: POST, extra: 1 }],
  'studio:get-idea': [{}, { ideaId: 42 }, { ideaId: POST, extra: 1 }],
  'studio:list-ideas': [[], { limit: 0 }, { limit: 101 }, { limit: 1.5 }, { extra: true }],
  'studio:mark-ab-pair': [
    {},
    { postA: POST },
    { postA: POST, postB: POST },
    { postA: 'a', postB: REQ },
    { postA: POST, postB: REQ, extra: 1 },
  ],
};
