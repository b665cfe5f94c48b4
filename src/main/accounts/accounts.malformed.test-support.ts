import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each accounts channel must refuse before any service runs (read by dispatcher.test.ts). */
export const accountsMalformedInputs: MalformedRows<'accounts'> = {};
