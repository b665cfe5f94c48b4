/**
 * The studio channels (issue #4, content studio). Filled in by the studio domain's owner; see src/main/studio/.
 */
export const studioChannels = {};
