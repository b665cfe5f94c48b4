import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each templates channel must refuse before any service runs (read by dispatcher.test.ts). */
export const templatesMalformedInputs: MalformedRows<'templates'> = {};
