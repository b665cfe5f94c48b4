import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each studio channel must refuse before any service runs (read by dispatcher.test.ts). */
export const studioMalformedInputs: MalformedRows<'studio'> = {};
