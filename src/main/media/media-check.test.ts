import { describe, expect, it } from 'vitest';
import type { MediaRecord } from '../../shared/domain/media';
import type { Platform } from '../../shared/domain/platform';
import { checkPostMedia, formatBytes, formatDuration } from './media-check';
import { MEDIA_RULES, parseMediaRules } from './media-rules';

const MB = 1024 * 1024;
let n = 0;
const image = (mime = 'image/jpeg', bytes = 200_000): MediaRecord => ({
  id: String(++n).padStart(64, '0'),
  kind: 'image',
  mime,
  bytes,
  width: 1080,
  height: 1080,
  durationMs: null,
  originalName: `photo${n}.${mime.split('/')[1]}`,
  hasThumbnail: true,
  createdAt: '2026-11-25T10:00:00.000Z',
});
const video = (durationMs: number, mime = 'video/mp4', bytes = 20 * MB): MediaRecord => ({
  ...image(),
  kind: 'video',
  mime,
  bytes,
  durationMs,
  originalName: `clip${n}.mp4`,
});
const images = (count: number, mime?: string) => Array.from({ length: count }, () => image(mime));

/** Each row: platforms, media, and the [platform, rule, severity] findings expected (in order). */
const cases: [string, Platform[], MediaRecord[], [Platform, string, string][]][] = [
  ['text-only post on X is fine', ['x'], [], []],
  ['4 images on X are fine', ['x'], images(4), []],
  [
    '5 images on X, Bluesky and Mastodon',
    ['x', 'bluesky', 'mastodon'],
    images(5),
    [
      ['x', 'maxImages', 'error'],
      ['bluesky', 'maxImages', 'error'],
      ['mastodon', 'maxImages', 'error'],
    ],
  ],
  ['5 images are fine on Threads and LinkedIn', ['threads', 'linkedin'], images(5), []],
  ['21 images on Threads', ['threads'], images(21), [['threads', 'maxItems', 'error']]],
  ['11 images on Instagram', ['instagram'], images(11), [['instagram', 'maxItems', 'error']]],
  [
    'Instagram, TikTok and YouTube need media',
    ['instagram', 'tiktok', 'youtube'],
    [],
    [
      ['instagram', 'requiresMedia', 'error'],
      ['tiktok', 'requiresMedia', 'error'],
      ['youtube', 'requiresMedia', 'error'],
    ],
  ],
  ['YouTube takes video only', ['youtube'], images(1), [['youtube', 'maxImages', 'error']]],
  [
    'image and video mixed on X and Mastodon, fine on Instagram',
    ['x', 'mastodon', 'instagram'],
    [image(), video(10_000)],
    [
      ['x', 'mixImagesAndVideo', 'error'],
      ['mastodon', 'mixImagesAndVideo', 'error'],
    ],
  ],
  [
    'a 1.5 MB JPEG is too big for Bluesky only',
    ['x', 'bluesky'],
    [image('image/jpeg', 1.5 * MB)],
    [['bluesky', 'maxImageBytes', 'error']],
  ],
  [
    'a 6 MB JPEG is too big for X and LinkedIn, fine on Mastodon',
    ['x', 'linkedin', 'mastodon'],
    [image('image/jpeg', 6 * MB)],
    [
      ['x', 'maxImageBytes', 'error'],
      ['linkedin', 'maxImageBytes', 'error'],
    ],
  ],
  ['a 10 MB GIF is within X’s GIF limit', ['x'], [image('image/gif', 10 * MB)], []],
  [
    'WebP is not taken by Threads or Instagram',
    ['threads', 'instagram', 'x'],
    [image('image/webp')],
    [
      ['threads', 'imageFormats', 'error'],
      ['instagram', 'imageFormats', 'error'],
    ],
  ],
  ['PNG is not a TikTok photo format', ['tiktok'], [image('image/png')], [['tiktok', 'imageFormats', 'error']]],
  ['a 25-minute video is too long for X', ['x'], [video(25 * 60_000)], [['x', 'maxVideoDurationMs', 'error']]],
  [
    'a 4-minute video is over Bluesky’s 3 minutes and a warning on YouTube',
    ['bluesky', 'youtube', 'tiktok'],
    [video(240_000)],
    [
      ['bluesky', 'maxVideoDurationMs', 'error'],
      ['youtube', 'maxVideoDurationMs', 'warning'],
    ],
  ],
  [
    'a 2-second video is too short for TikTok and LinkedIn',
    ['tiktok', 'linkedin', 'x'],
    [video(2_000)],
    [
      ['tiktok', 'minVideoDurationMs', 'error'],
      ['linkedin', 'minVideoDurationMs', 'error'],
    ],
  ],
  [
    // Between Bluesky's 100,000,000-byte limit and mastodon.social's 99 MiB.
    'a 101 MB MOV on Bluesky and Mastodon',
    ['bluesky', 'mastodon'],
    [video(30_000, 'video/quicktime', 101_000_000)],
    [
      ['bluesky', 'videoFormats', 'error'],
      ['bluesky', 'maxVideoBytes', 'error'],
    ],
  ],
  ['two videos on X', ['x'], [video(5_000), video(6_000)], [['x', 'maxVideos', 'error']]],
];

describe('checkPostMedia against resources/media-rules.json', () => {
  it.each(cases)('%s', (_name, platforms, media, expected) => {
    const findings = checkPostMedia(platforms, media, MEDIA_RULES);
    expect(findings.map((f) => [f.platform, f.rule, f.severity])).toEqual(expected);
    for (const finding of findings) expect(finding.source).toMatch(/^https:\/\//u);
  });

  it('writes messages a creator understands', () => {
    const [big] = checkPostMedia(
      ['bluesky'],
      [{ ...image('image/jpeg', 1.5 * MB), originalName: 'sunset.jpg' }],
      MEDIA_RULES,
    );
    expect(big?.message).toBe('"sunset.jpg" is 1.5 MB; Bluesky takes images up to 1 MB');
    const [long] = checkPostMedia(['youtube'], [{ ...video(200_000), originalName: 'vlog.mp4' }], MEDIA_RULES);
    expect(long?.message).toBe(
      '"vlog.mp4" runs 3:20; YouTube takes videos up to 3:00 (a longer video is published as a regular video, not a Short)',
    );
    const [webp] = checkPostMedia(['instagram'], [{ ...image('image/webp'), originalName: 'a.webp' }], MEDIA_RULES);
    expect(webp?.message).toBe('Instagram does not take WebP images ("a.webp"); use JPEG, PNG');
  });

  it('formats sizes and durations', () => {
    expect([formatBytes(5 * MB), formatBytes(1_000_000), formatBytes(103809024), formatBytes(1024 ** 3)]).toEqual([
      '5 MB',
      '1 MB',
      '99 MB',
      '1 GB',
    ]);
    expect([formatDuration(140_000), formatDuration(1_200_000), formatDuration(3_000)]).toEqual([
      '2:20',
      '20:00',
      '0:03',
    ]);
  });

  it('refuses a rules file with an entry that is not sourced', () => {
    const broken = structuredClone(MEDIA_RULES) as unknown as Record<string, { rules: Record<string, unknown> }>;
    broken.x!.rules.maxImages = { value: 4, status: 'official' };
    expect(() => parseMediaRules({ version: 1, platforms: broken })).toThrow(/platforms\.x\.rules\.maxImages\.source/u);
  });
});
