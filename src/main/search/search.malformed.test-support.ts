import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each search channel must refuse before any service runs (read by dispatcher.test.ts). */
export const searchMalformedInputs: MalformedRows<'search'> = {};
