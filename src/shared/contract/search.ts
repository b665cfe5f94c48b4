/**
 * The search channels (issue #4, content studio). Filled in by the search domain's owner; see src/main/search/.
 */
export const searchChannels = {};
