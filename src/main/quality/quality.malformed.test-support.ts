import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each quality channel must refuse before any service runs (read by dispatcher.test.ts). */
export const qualityMalformedInputs: MalformedRows<'quality'> = {};
