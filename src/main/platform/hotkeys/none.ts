import type { GlobalHotkeys } from './types';

/** The headless host has no desktop: the hold key works only while the page has focus. */
export const noGlobalHotkeys: GlobalHotkeys = {
  register: () => ({
    global: false,
    holdable: false,
    message: 'No system-wide key in the browser: the key works while Cadence has focus.',
  }),
  unregister: () => undefined,
  close: () => undefined,
};
