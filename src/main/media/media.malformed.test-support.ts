import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each media channel must refuse before any service runs (read by dispatcher.test.ts). */
export const mediaMalformedInputs: MalformedRows<'media'> = {};
