import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each planning channel must refuse before any service runs (read by dispatcher.test.ts). */
export const planningMalformedInputs: MalformedRows<'planning'> = {};
