import { basename } from 'node:path';
import { graphemeLength } from '../../../../shared/platforms/graphemes';
import type { MediaItem, PublishRequest, ValidationFinding } from '../connector';

export const BLUESKY_LIMITS = {
  /** app.bsky.feed.post#text: maxGraphemes 300, maxLength 3000 (UTF-8 bytes). */
  graphemes: 300,
  textBytes: 3000,
  /** app.bsky.embed.images: at most 4 images, each blob ≤ 1,000,000 bytes, image/*. */
  images: 4,
  imageBytes: 1_000_000,
  /** app.bsky.feed.post#tags: at most 8 extra hashtags, each ≤ 64 graphemes / 640 bytes. */
  tags: 8,
  tagGraphemes: 64,
  tagBytes: 640,
  /**
   * app.bsky.embed.video: one `video/mp4` blob. The lexicon's blob limit is 300,000,000 bytes, but
   * the video service takes 100,000,000 bytes (decimal) and 3 minutes, the limits Bluesky's own
   * app enforces (social-app src/lib/constants.ts VIDEO_MAX_SIZE, VIDEO_MAX_DURATION_MS).
   */
  videoMime: 'video/mp4',
  videoBytes: 100_000_000,
  videoDurationMs: 180_000,
} as const;

/** The checks a PDS and the video service make on an app.bsky.feed.post, before anything is sent. */
export function validateBluesky(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (request.parts.length === 0) error('There is nothing to post.');
  request.parts.forEach((part, index) => {
    const where = request.parts.length > 1 ? `Part ${index + 1}` : 'The post';
    const length = graphemeLength(part);
    if (length > BLUESKY_LIMITS.graphemes) {
      error(`${where} is ${length} characters; Bluesky allows ${BLUESKY_LIMITS.graphemes}.`);
    }
    const bytes = Buffer.byteLength(part, 'utf8');
    if (bytes > BLUESKY_LIMITS.textBytes)
      error(`${where} is ${bytes} bytes; Bluesky allows ${BLUESKY_LIMITS.textBytes}.`);
    const hasMedia = index === 0 && request.media.length > 0;
    if (part.trim() === '' && !hasMedia) error(`${where} is empty.`);
  });
  const images = request.media.filter((m) => m.kind === 'image');
  const videos = request.media.filter((m) => m.kind === 'video');
  // A post has one embed: images or a video, never both.
  if (videos.length > 0 && images.length > 0)
    error('Bluesky posts a video on its own; remove the images or the video.');
  if (videos.length > 1) error('Bluesky takes one video per post.');
  for (const video of videos) findings.push(...videoFindings(video));
  if (images.length > BLUESKY_LIMITS.images) error(`Bluesky takes at most ${BLUESKY_LIMITS.images} images per post.`);
  for (const item of images) {
    const name = basename(item.path);
    if (!item.mime.startsWith('image/')) error(`${name}: Bluesky does not accept ${item.mime} as an image.`);
    if (item.bytes > BLUESKY_LIMITS.imageBytes) {
      error(`${name} is ${item.bytes} bytes; Bluesky accepts images up to ${BLUESKY_LIMITS.imageBytes} bytes.`);
    }
    if (item.altText.trim() === '') findings.push({ severity: 'warning', message: `${name} has no alt text.` });
  }
  const tags = request.tags ?? [];
  if (tags.length > BLUESKY_LIMITS.tags) error(`Bluesky takes at most ${BLUESKY_LIMITS.tags} extra tags.`);
  for (const tag of tags) {
    if (graphemeLength(tag) > BLUESKY_LIMITS.tagGraphemes || Buffer.byteLength(tag) > BLUESKY_LIMITS.tagBytes) {
      error(`The tag “${tag}” is longer than Bluesky allows (${BLUESKY_LIMITS.tagGraphemes} characters).`);
    }
  }
  return findings;
}

function videoFindings(video: MediaItem): ValidationFinding[] {
  const name = basename(video.path);
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  if (video.mime !== BLUESKY_LIMITS.videoMime) {
    error(`${name} is ${video.mime}; Bluesky takes MP4 video (export it as .mp4).`);
  }
  if (video.bytes > BLUESKY_LIMITS.videoBytes) {
    error(`${name} is ${video.bytes} bytes; Bluesky takes videos up to ${BLUESKY_LIMITS.videoBytes} bytes (100 MB).`);
  }
  if (video.durationMs !== null && video.durationMs > BLUESKY_LIMITS.videoDurationMs) {
    error(`${name} runs ${Math.ceil(video.durationMs / 1000)} s; Bluesky takes videos up to 3 minutes.`);
  }
  if (video.altText.trim() === '') findings.push({ severity: 'warning', message: `${name} has no alt text.` });
  return findings;
}
