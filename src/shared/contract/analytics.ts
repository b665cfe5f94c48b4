/**
 * The analytics channels (issue #8). Filled in by the analytics domain's owner; see src/main/analytics/.
 */
export const analyticsChannels = {};
