import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each imports channel must refuse before any service runs (read by dispatcher.test.ts). */
export const importsMalformedInputs: MalformedRows<'imports'> = {};
