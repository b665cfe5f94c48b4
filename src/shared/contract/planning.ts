/**
 * The planning channels (issue #4, content studio). Filled in by the planning domain's owner; see src/main/planning/.
 */
export const planningChannels = {};
