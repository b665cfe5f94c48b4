import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each reports channel must refuse before any service runs (read by dispatcher.test.ts). */
export const reportsMalformedInputs: MalformedRows<'reports'> = {};
