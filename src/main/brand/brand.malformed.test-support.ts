import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each brand channel must refuse before any service runs (read by dispatcher.test.ts). */
export const brandMalformedInputs: MalformedRows<'brand'> = {};
