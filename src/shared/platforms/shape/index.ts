export { shapeForPlatform } from './shape';
export type { ShapeOptions, ShapeResult } from './types';
export { isThreadPlatform, THREAD_PLATFORMS } from './thread-platforms';
export type { ThreadPlatform } from './thread-platforms';
export { hashtagsIn, normalizeHashtag, pullHashtagLines, uniqueHashtags } from './hashtags';
export { sentences } from './segments';
export { youtubeTagsLength, YOUTUBE_TAGS_LIMIT } from './youtube';
