/**
 * The publishing channels (issue #5, publishing). Filled in by the publishing domain's owner; see src/main/publishing/.
 */
export const publishingChannels = {};
