import type { MalformedRows } from '../contract/malformed-rows';

/** Inputs each search channel must refuse before any service runs (read by dispatcher.test.ts). */
export const searchMalformedInputs: MalformedRows<'search'> = {
  'search:search-library': [
    {},
    { query: '' },
    { query: '   ' },
    { query: 'x'.repeat(501) },
    { query: 'bread', mode: 'semantic' },
    { query: 'bread', limit: 0 },
    { query: 'bread', statuses: ['lost'] },
    { query: 'bread', extra: 1 },
  ],
  'search:get-status': [{ model: 'x' }, { refresh: true }],
};
