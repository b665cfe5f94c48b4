/**
 * The templates channels (issue #4, content studio). Filled in by the templates domain's owner; see src/main/templates/.
 */
export const templatesChannels = {};
