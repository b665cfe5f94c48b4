import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each coach channel must refuse before any service runs (read by dispatcher.test.ts). */
export const coachMalformedInputs: MalformedRows<'coach'> = {};
