import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { fakeIsoMedia, makeJpeg, makePng } from './media.fixtures.test-support';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

const b64 = (bytes: Buffer) => bytes.toString('base64');
const mediaFiles = () => readdirSync(join(t.dataDir, 'media')).filter((name) => name !== 'thumbs');
const post = (platforms: ('x' | 'bluesky' | 'instagram' | 'threads')[] = ['x']) =>
  invokeOk(t.core, 'posts:create-post', { body: 'Launch day', platforms });

async function addPng(name = 'photo.png', seed = 1) {
  return invokeOk(t.core, 'media:add-file', {
    fileName: name,
    mime: 'image/png',
    base64: b64(await makePng(800, 600, seed)),
  });
}

describe('media:add-file', () => {
  it('stores an image by its hash with the sniffed type, size and a 320 px JPEG thumbnail', async () => {
    const png = await makePng(800, 600);
    // The browser claims JPEG; the bytes say PNG, and the bytes win.
    const record = await invokeOk(t.core, 'media:add-file', {
      fileName: 'shot.jpg',
      mime: 'image/jpeg',
      base64: b64(png),
    });
    expect(record).toMatchObject({ kind: 'image', mime: 'image/png', bytes: png.length, width: 800, height: 600 });
    expect(record).toMatchObject({ originalName: 'shot.jpg', hasThumbnail: true, durationMs: null });
    expect(record.id).toMatch(/^[0-9a-f]{64}$/u);
    expect(mediaFiles()).toEqual([`${record.id}.png`]);
    expect(JSON.stringify(record)).not.toContain(t.dataDir);

    const thumb = await invokeOk(t.core, 'media:get-thumbnail', { mediaId: record.id });
    expect(thumb.mime).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(thumb.base64, 'base64')).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
  });

  it('keeps one copy when the same file is added twice, under any name', async () => {
    const jpeg = await makeJpeg();
    const first = await invokeOk(t.core, 'media:add-file', {
      fileName: 'a.jpg',
      mime: 'image/jpeg',
      base64: b64(jpeg),
    });
    const second = await invokeOk(t.core, 'media:add-file', { fileName: 'copy of a.jpg', mime: '', base64: b64(jpeg) });
    expect(second).toEqual(first);
    expect(mediaFiles()).toEqual([`${first.id}.jpg`]);
    const rows = await t.core.database.db.selectFrom('media').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('stores a video with the frame, duration and size the renderer sent', async () => {
    const frame = await makeJpeg(1080, 1920);
    const video = fakeIsoMedia('isom');
    const record = await invokeOk(t.core, 'media:add-file', {
      fileName: 'clip.mp4',
      mime: 'video/mp4',
      base64: b64(video),
      thumbnailBase64: b64(frame),
      durationMs: 42_000,
      width: 1080,
      height: 1920,
    });
    expect(record).toMatchObject({ kind: 'video', mime: 'video/mp4', durationMs: 42_000, width: 1080, height: 1920 });
    const thumb = await invokeOk(t.core, 'media:get-thumbnail', { mediaId: record.id });
    expect(await sharp(Buffer.from(thumb.base64, 'base64')).metadata()).toMatchObject({ width: 180, height: 320 });
  });

  it.each([
    ['text', Buffer.from('just some notes, not a picture'), 'is not an image or video Cadence can use'],
    ['HEIC', fakeIsoMedia('heic'), 'HEIC files are not supported'],
  ])('refuses %s with a plain message and stores nothing', async (_name, bytes, message) => {
    const error = await invokeError(t.core, 'media:add-file', {
      fileName: 'x.png',
      mime: 'image/png',
      base64: b64(bytes),
    });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(message) });
    expect(existsSync(join(t.dataDir, 'media'))).toBe(false);
  });

  it('refuses a damaged image and a video frame that is not an image', async () => {
    const png = await makePng(64, 64);
    const damaged = png.subarray(0, 40);
    const error = await invokeError(t.core, 'media:add-file', {
      fileName: 'x.png',
      mime: 'image/png',
      base64: b64(damaged),
    });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('could not be read') });
    const frame = await invokeError(t.core, 'media:add-file', {
      fileName: 'v.mp4',
      mime: 'video/mp4',
      base64: b64(fakeIsoMedia('isom')),
      thumbnailBase64: b64(Buffer.from('not an image at all, sorry')),
    });
    expect(frame).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('thumbnail') });
  });

  it('says the limit when the file is over 100 MB', async () => {
    const error = await invokeError(t.core, 'media:add-file', {
      fileName: 'huge.mp4',
      mime: 'video/mp4',
      base64: 'A'.repeat(Math.ceil((100 * 1024 * 1024) / 3) * 4 + 4),
    });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(JSON.stringify(error)).toContain('100 MB');
  });

  it('a failure after the file was written leaves neither the file nor the row', async () => {
    // A plain file where the thumbnails folder belongs makes the thumbnail write fail.
    mkdirSync(join(t.dataDir, 'media'), { recursive: true });
    writeFileSync(join(t.dataDir, 'media', 'thumbs'), 'in the way');
    const result = await t.core.dispatcher.invoke('media:add-file', {
      fileName: 'p.png',
      mime: 'image/png',
      base64: b64(await makePng()),
    });
    expect(result.ok).toBe(false);
    expect(mediaFiles()).toEqual([]);
    expect(await t.core.database.db.selectFrom('media').selectAll().execute()).toEqual([]);
  });
});

describe('attachments', () => {
  it('attaches in order, reorders, sets alt text and detaches', async () => {
    const { id: postId } = await post();
    const [a, b, c] = [await addPng('a.png', 1), await addPng('b.png', 2), await addPng('c.png', 3)];
    await invokeOk(t.core, 'media:attach', { postId, mediaId: a.id, altText: 'A red square' });
    await invokeOk(t.core, 'media:attach', { postId, mediaId: b.id });
    const attached = await invokeOk(t.core, 'media:attach', { postId, mediaId: c.id });
    expect(attached.map((i) => [i.media.originalName, i.position, i.altText])).toEqual([
      ['a.png', 0, 'A red square'],
      ['b.png', 1, ''],
      ['c.png', 2, ''],
    ]);
    expect(await invokeError(t.core, 'media:attach', { postId, mediaId: a.id })).toMatchObject({ code: 'CONFLICT' });

    const reordered = await invokeOk(t.core, 'media:reorder', { postId, mediaIds: [c.id, a.id, b.id] });
    expect(reordered.map((i) => i.media.originalName)).toEqual(['c.png', 'a.png', 'b.png']);
    const bad = await invokeError(t.core, 'media:reorder', { postId, mediaIds: [c.id, a.id] });
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED' });

    await invokeOk(t.core, 'media:set-alt-text', { postId, mediaId: b.id, altText: 'Blue' });
    const after = await invokeOk(t.core, 'media:detach', { postId, mediaId: a.id });
    expect(after.map((i) => [i.media.originalName, i.position, i.altText])).toEqual([
      ['c.png', 0, ''],
      ['b.png', 1, 'Blue'],
    ]);
    expect(await invokeOk(t.core, 'media:list-post-media', { postId })).toEqual(after);
    expect(await invokeError(t.core, 'media:detach', { postId, mediaId: a.id })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never deletes a file another post still uses; purge removes it once nothing does', async () => {
    const [first, second] = [await post(), await post()];
    const shared = await addPng('shared.png');
    const orphan = await addPng('orphan.png', 9);
    await invokeOk(t.core, 'media:attach', { postId: first.id, mediaId: shared.id });
    await invokeOk(t.core, 'media:attach', { postId: second.id, mediaId: shared.id });
    await invokeOk(t.core, 'media:detach', { postId: first.id, mediaId: shared.id });

    expect(await invokeOk(t.core, 'media:purge-unused', {})).toEqual({ removed: 1, bytesFreed: orphan.bytes });
    expect(mediaFiles()).toEqual([`${shared.id}.png`]);
    expect((await invokeOk(t.core, 'media:list-post-media', { postId: second.id })).map((i) => i.media.id)).toEqual([
      shared.id,
    ]);

    await invokeOk(t.core, 'media:detach', { postId: second.id, mediaId: shared.id });
    expect(await invokeOk(t.core, 'media:purge-unused', {})).toMatchObject({ removed: 1 });
    expect(mediaFiles()).toEqual([]);
    expect(readdirSync(join(t.dataDir, 'media', 'thumbs'))).toEqual([]);
  });

  it("checks a post's media against each of its platforms", async () => {
    const { id: postId } = await post(['x', 'bluesky', 'instagram']);
    for (const seed of [1, 2, 3, 4, 5]) {
      const media = await addPng(`p${seed}.png`, seed);
      await invokeOk(t.core, 'media:attach', { postId, mediaId: media.id });
    }
    const check = await invokeOk(t.core, 'media:check-post', { postId });
    expect(check.platforms).toEqual(['x', 'bluesky', 'instagram']);
    expect(check.findings.map((f) => [f.platform, f.rule])).toEqual(
      expect.arrayContaining([
        ['x', 'maxImages'],
        ['bluesky', 'maxImages'],
      ]),
    );
    expect(check.findings.find((f) => f.platform === 'x')?.message).toBe(
      'X allows at most 4 images in a post; this one has 5',
    );
    expect(check.findings.some((f) => f.platform === 'instagram')).toBe(false);
  });
});
