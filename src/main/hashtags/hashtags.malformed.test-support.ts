import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each hashtags channel must refuse before any service runs (read by dispatcher.test.ts). */
export const hashtagsMalformedInputs: MalformedRows<'hashtags'> = {};
