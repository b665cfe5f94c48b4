import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each bulk channel must refuse before any service runs (read by dispatcher.test.ts). */
export const bulkMalformedInputs: MalformedRows<'bulk'> = {};
