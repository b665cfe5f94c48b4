import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each publishing channel must refuse before any service runs (read by dispatcher.test.ts). */
export const publishingMalformedInputs: MalformedRows<'publishing'> = {};
