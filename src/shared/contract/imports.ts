/**
 * The imports channels (issue #8). Filled in by the imports domain's owner; see src/main/imports/.
 */
export const importsChannels = {};
