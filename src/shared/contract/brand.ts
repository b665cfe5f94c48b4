/**
 * The brand channels (issue #4, content studio). Filled in by the brand domain's owner; see src/main/brand/.
 */
export const brandChannels = {};
