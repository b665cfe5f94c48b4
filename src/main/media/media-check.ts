import type { MediaFinding, MediaRecord } from '../../shared/domain/media';
import type { Platform } from '../../shared/domain/platform';
import type { MediaRuleName, MediaRulesTable, PlatformMediaRules } from './media-rules';

type Rule = NonNullable<PlatformMediaRules['rules'][MediaRuleName]>;
type Media = Pick<MediaRecord, 'id' | 'kind' | 'mime' | 'bytes' | 'durationMs' | 'originalName'>;

const FORMAT_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/webm': 'WebM',
};

const formatName = (mime: string) => FORMAT_NAMES[mime] ?? mime;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const round1 = (n: number) => +n.toFixed(1);

/** "5 MB", "99 MB", "1 GB"; limits given in decimal bytes (Bluesky's 1,000,000) read as "1 MB" too. */
export function formatBytes(value: number): string {
  if (value >= 1024 ** 3) return `${round1(value / 1024 ** 3)} GB`;
  if (value >= 1_000_000) {
    const decimal = value % 1_000_000 === 0 && value % 1024 ** 2 !== 0;
    return `${round1(decimal ? value / 1_000_000 : value / 1024 ** 2)} MB`;
  }
  return `${Math.max(1, Math.round(value / 1024))} KB`;
}

/** "2:20", "20:00", "0:03" */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Every rule a post's media breaks on each of its platforms, in platform order, with clear
 * messages naming the file and the limit. Pure: the rules table comes in.
 */
export function checkPostMedia(platforms: Platform[], media: Media[], table: MediaRulesTable): MediaFinding[] {
  return platforms.flatMap((platform) => checkPlatform(platform, media, table[platform]));
}

function checkPlatform(platform: Platform, media: Media[], { label, rules }: PlatformMediaRules): MediaFinding[] {
  const findings: MediaFinding[] = [];
  const add = (name: MediaRuleName, rule: Rule, message: string, mediaId: string | null = null) =>
    findings.push({
      platform,
      severity: rule.severity ?? 'error',
      message,
      rule: name,
      source: rule.source,
      status: rule.status,
      mediaId,
    });
  const images = media.filter((m) => m.kind === 'image');
  const videos = media.filter((m) => m.kind === 'video');

  if (rules.requiresMedia?.value && media.length === 0) {
    add(
      'requiresMedia',
      rules.requiresMedia,
      `${label} needs ${rules.maxImages?.value === 0 ? 'a video' : 'an image or a video'}`,
    );
  }
  if (rules.maxImages && images.length > rules.maxImages.value) {
    add(
      'maxImages',
      rules.maxImages,
      rules.maxImages.value === 0
        ? `${label} takes video only; remove ${plural(images.length, 'image')}`
        : `${label} allows at most ${plural(rules.maxImages.value, 'image')} in a post; this one has ${images.length}`,
    );
  }
  if (rules.maxVideos && videos.length > rules.maxVideos.value) {
    add(
      'maxVideos',
      rules.maxVideos,
      `${label} allows at most ${plural(rules.maxVideos.value, 'video')} in a post; this one has ${videos.length}`,
    );
  }
  if (rules.maxItems && media.length > rules.maxItems.value) {
    add(
      'maxItems',
      rules.maxItems,
      `${label} allows at most ${rules.maxItems.value} images and videos in a carousel; this one has ${media.length}`,
    );
  }
  if (rules.mixImagesAndVideo?.value === false && images.length > 0 && videos.length > 0) {
    add('mixImagesAndVideo', rules.mixImagesAndVideo, `${label} cannot mix images and video in one post`);
  }
  for (const image of images) checkImage(image, rules, label, add);
  for (const video of videos) checkVideo(video, rules, label, add);
  return findings;
}

/** A rule's own explanation, e.g. what happens to a long YouTube video. */
const hint = (rule: Rule) => (rule.hint ? ` (${rule.hint})` : '');

type Add = (name: MediaRuleName, rule: Rule, message: string, mediaId?: string | null) => void;

function checkImage(image: Media, rules: PlatformMediaRules['rules'], label: string, add: Add): void {
  const name = `"${image.originalName}"`;
  const formats = rules.imageFormats;
  if (formats && !formats.value.includes(image.mime)) {
    const allowed = formats.value.map(formatName).join(', ');
    add(
      'imageFormats',
      formats,
      `${label} does not take ${formatName(image.mime)} images (${name}); use ${allowed}`,
      image.id,
    );
    return;
  }
  const isGif = image.mime === 'image/gif';
  const limitName: MediaRuleName = isGif && rules.maxGifBytes ? 'maxGifBytes' : 'maxImageBytes';
  const limit = isGif && rules.maxGifBytes ? rules.maxGifBytes : rules.maxImageBytes;
  if (limit && image.bytes > limit.value) {
    add(
      limitName,
      limit,
      `${name} is ${formatBytes(image.bytes)}; ${label} takes ${isGif ? 'GIFs' : 'images'} up to ${formatBytes(limit.value)}`,
      image.id,
    );
  }
}

function checkVideo(video: Media, rules: PlatformMediaRules['rules'], label: string, add: Add): void {
  const name = `"${video.originalName}"`;
  const formats = rules.videoFormats;
  if (formats && !formats.value.includes(video.mime)) {
    const allowed = formats.value.map(formatName).join(', ');
    add(
      'videoFormats',
      formats,
      `${label} does not take ${formatName(video.mime)} video (${name}); use ${allowed}`,
      video.id,
    );
  }
  if (rules.maxVideoBytes && video.bytes > rules.maxVideoBytes.value) {
    add(
      'maxVideoBytes',
      rules.maxVideoBytes,
      `${name} is ${formatBytes(video.bytes)}; ${label} takes videos up to ${formatBytes(rules.maxVideoBytes.value)}`,
      video.id,
    );
  }
  const duration = video.durationMs;
  if (duration === null) return;
  const max = rules.maxVideoDurationMs;
  if (max && duration > max.value) {
    add(
      'maxVideoDurationMs',
      max,
      `${name} runs ${formatDuration(duration)}; ${label} takes videos up to ${formatDuration(max.value)}${hint(max)}`,
      video.id,
    );
  }
  const min = rules.minVideoDurationMs;
  if (min && duration < min.value) {
    add('minVideoDurationMs', min, `${name} is too short for ${label} (at least ${min.value / 1000} s)`, video.id);
  }
}
