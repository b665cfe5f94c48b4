import type { MalformedRows } from '../contract/malformed-rows';

const POST = '0b7e9a1c-2d3f-4a5b-8c6d-7e8f9a0b1c2d';
const MEDIA = 'a'.repeat(64);
/** One character over the base64 of a 100 MB file. */
const TOO_BIG = 'A'.repeat(Math.ceil((100 * 1024 * 1024) / 3) * 4 + 4);

/** Inputs each media channel must refuse before any service runs (read by dispatcher.test.ts). */
export const mediaMalformedInputs: MalformedRows<'media'> = {
  'media:add-file': [
    {},
    { fileName: 'a.png', mime: 'image/png' },
    { fileName: '', mime: 'image/png', base64: 'iVBORw0KGgo=' },
    { fileName: 'a.png', mime: 'image/png', base64: '' },
    { fileName: 'a.png', mime: 'image/png', base64: 'not base64!' },
    { fileName: 'a.png', mime: 'image/png', base64: TOO_BIG },
    { fileName: 'a.mp4', mime: 'video/mp4', base64: 'AAAA', durationMs: -5 },
    { fileName: 'a.mp4', mime: 'video/mp4', base64: 'AAAA', durationMs: 1.5 },
    { fileName: 'a.mp4', mime: 'video/mp4', base64: 'AAAA', width: 0 },
    { fileName: 'a.mp4', mime: 'video/mp4', base64: 'AAAA', height: 100_000 },
    { fileName: 'a.png', mime: 'image/png', base64: 'AAAA', extra: true },
  ],
  'media:attach': [{}, { postId: POST }, { postId: 'nope', mediaId: MEDIA }, { postId: POST, mediaId: 'abc' }],
  'media:detach': [{}, { postId: POST, mediaId: 'ABC' }, { postId: POST, mediaId: MEDIA, altText: 'x' }],
  'media:reorder': [{}, { postId: POST, mediaIds: [] }, { postId: POST, mediaIds: ['x'] }],
  'media:set-alt-text': [
    { postId: POST, mediaId: MEDIA },
    { postId: POST, mediaId: MEDIA, altText: 'x'.repeat(5001) },
  ],
  'media:list-post-media': [{}, { postId: 42 }],
  'media:get-thumbnail': [{}, { mediaId: 'short' }],
  'media:check-post': [{}, { postId: 'not-a-uuid' }],
  'media:purge-unused': [{ all: true }, { olderThanDays: 3 }],
};
