/**
 * The reports channels (issue #8). Filled in by the reports domain's owner; see src/main/reports/.
 */
export const reportsChannels = {};
