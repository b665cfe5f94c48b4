/**
 * The quality channels (issue #4, content studio). Filled in by the quality domain's owner; see src/main/quality/.
 */
export const qualityChannels = {};
