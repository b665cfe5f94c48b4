/**
 * The bulk channels (issue #4, content studio). Filled in by the bulk domain's owner; see src/main/bulk/.
 */
export const bulkChannels = {};
