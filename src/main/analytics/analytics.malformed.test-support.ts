import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each analytics channel must refuse before any service runs (read by dispatcher.test.ts). */
export const analyticsMalformedInputs: MalformedRows<'analytics'> = {};
