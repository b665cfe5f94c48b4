/**
 * The accounts channels (issue #5, publishing). Filled in by the accounts domain's owner; see src/main/accounts/.
 */
export const accountsChannels = {};
