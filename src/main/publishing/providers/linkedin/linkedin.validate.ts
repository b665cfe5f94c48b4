import { basename } from 'node:path';
import type { MediaItem, PublishRequest, ValidationFinding } from '../connector';
import { linkedInLength } from './linkedin.text';

export const LINKEDIN_MAX_COMMENTARY = 3000;
const MAX_IMAGES = 20;
const IMAGE_MIME = ['image/jpeg', 'image/png', 'image/gif'];
const MAX_ALT_TEXT = 4086;

/**
 * Videos API "Video File Size Specifications"
 * (learn.microsoft.com/linkedin/marketing/community-management/shares/videos-api): MP4, 3 seconds to
 * 30 minutes, 75 KB to 500 MB.
 */
export const LINKEDIN_VIDEO_LIMITS = {
  mime: 'video/mp4',
  minBytes: 75 * 1024,
  maxBytes: 500 * 1024 * 1024,
  minDurationMs: 3_000,
  maxDurationMs: 30 * 60_000,
} as const;

/** The post's text: LinkedIn has no threads, so the parts are joined with blank lines. */
export function commentaryOf(request: PublishRequest): string {
  return request.parts.map((part) => part.trim()).join('\n\n');
}

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function validateVideo(item: MediaItem, error: (message: string) => void, warn: (message: string) => void): void {
  const name = basename(item.path);
  const limits = LINKEDIN_VIDEO_LIMITS;
  if (item.mime !== limits.mime) error(`${name}: LinkedIn takes MP4 video only, not ${item.mime}; export it as MP4.`);
  if (item.bytes < limits.minBytes) error(`${name} is ${item.bytes} bytes; LinkedIn needs a video of at least 75 KB.`);
  if (item.bytes > limits.maxBytes)
    error(`${name} is ${megabytes(item.bytes)}; LinkedIn takes videos up to 500 MB: shorten or compress it.`);
  if (item.durationMs === null)
    warn(`${name}: its length is unknown; LinkedIn refuses videos shorter than 3 seconds or longer than 30 minutes.`);
  else if (item.durationMs < limits.minDurationMs)
    error(`${name} lasts ${(item.durationMs / 1000).toFixed(1)} s; LinkedIn needs at least 3 seconds.`);
  else if (item.durationMs > limits.maxDurationMs)
    error(`${name} lasts ${Math.ceil(item.durationMs / 60_000)} min; LinkedIn takes videos up to 30 minutes.`);
}

/** LinkedIn's rules: commentary ≤ 3000 characters; up to 20 images (JPG, PNG, GIF) or one MP4 video. */
export function validateLinkedIn(request: PublishRequest): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const error = (message: string) => findings.push({ severity: 'error', message });
  const warn = (message: string) => findings.push({ severity: 'warning', message });
  const text = commentaryOf(request);
  if (request.parts.length === 0 || (text.trim() === '' && request.media.length === 0))
    error('There is nothing to post.');
  if (request.parts.length > 1) warn('LinkedIn has no threads: the parts are posted as one text.');
  const length = linkedInLength(text);
  if (length > LINKEDIN_MAX_COMMENTARY) error(`The post is ${length} of ${LINKEDIN_MAX_COMMENTARY} characters.`);
  const videos = request.media.filter((m) => m.kind === 'video');
  const images = request.media.filter((m) => m.kind === 'image');
  if (videos.length > 1) error(`LinkedIn takes one video per post; this post has ${videos.length}.`);
  if (videos.length > 0 && images.length > 0)
    error('A LinkedIn post holds images or one video, not both: move the images to another post.');
  for (const item of videos) validateVideo(item, error, warn);
  if (images.length > MAX_IMAGES) error(`LinkedIn takes at most ${MAX_IMAGES} images per post.`);
  for (const item of images) {
    const name = basename(item.path);
    if (!IMAGE_MIME.includes(item.mime)) error(`${name}: LinkedIn does not accept ${item.mime}.`);
    if (item.altText.length > MAX_ALT_TEXT) error(`${name}: alt text is longer than ${MAX_ALT_TEXT} characters.`);
    if (item.altText.trim() === '') warn(`${name} has no alt text.`);
  }
  return findings;
}
