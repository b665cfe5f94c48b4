/**
 * The coach channels (issue #8). Filled in by the coach domain's owner; see src/main/coach/.
 */
export const coachChannels = {};
