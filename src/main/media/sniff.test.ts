import { describe, expect, it } from 'vitest';
import { fakeIsoMedia, fakeWebm, makeJpeg, makePng } from './media.fixtures.test-support';
import { sniffMediaType } from './sniff';

describe('sniffMediaType reads the type from the bytes', () => {
  it.each([
    ['PNG', async () => makePng(8, 8), { kind: 'image', mime: 'image/png', ext: 'png' }],
    ['JPEG', async () => makeJpeg(8, 8), { kind: 'image', mime: 'image/jpeg', ext: 'jpg' }],
    ['GIF', async () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'), { mime: 'image/gif' }],
    ['WebP', async () => Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), { mime: 'image/webp' }],
    ['MP4 (isom)', async () => fakeIsoMedia('isom'), { kind: 'video', mime: 'video/mp4', ext: 'mp4' }],
    ['MOV (qt)', async () => fakeIsoMedia('qt  '), { kind: 'video', mime: 'video/quicktime', ext: 'mov' }],
    [
      'old MOV (moov first)',
      async () => Buffer.from('\x00\x00\x00\x08moov\x00\x00\x00\x00', 'latin1'),
      { mime: 'video/quicktime' },
    ],
    ['WebM', async () => fakeWebm(), { kind: 'video', mime: 'video/webm', ext: 'webm' }],
    ['HEIC', async () => fakeIsoMedia('heic'), { unsupported: 'HEIC' }],
    ['AVIF', async () => fakeIsoMedia('avif'), { unsupported: 'AVIF' }],
  ])('%s', async (_name, make, expected) => {
    expect(sniffMediaType(await make())).toMatchObject(expected);
  });

  it.each([
    ['plain text', Buffer.from('hello, this is not an image at all')],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')],
    ['too short to tell', Buffer.from([0x89, 0x50])],
  ])('%s is not media', (_name, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
  });
});
