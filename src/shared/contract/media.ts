/**
 * The media channels (issue #4, content studio). Filled in by the media domain's owner; see src/main/media/.
 */
export const mediaChannels = {};
