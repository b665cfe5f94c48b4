/**
 * The hashtags channels (issue #4, content studio). Filled in by the hashtags domain's owner; see src/main/hashtags/.
 */
export const hashtagsChannels = {};
