import type { MalformedRows } from '../contract/malformed-rows';

const BIG = 'x'.repeat(20 * 1024 * 1024 + 1);

/** Inputs each imports channel must refuse before any service runs (read by dispatcher.test.ts). */
export const importsMalformedInputs: MalformedRows<'imports'> = {
  'imports:preview-file': [
    {},
    { fileName: 'a.csv' },
    { fileName: '', content: 'text\nhi' },
    { fileName: 'a.csv', content: '' },
    { fileName: 'a.csv', content: 42 },
    { fileName: 'a.csv', content: 'text\nhi', extra: true },
    { fileName: 'big.csv', content: BIG },
  ],
  'imports:import-file': [
    {},
    { fileName: 'a.csv', content: 'text\nhi' },
    { fileName: 'a.csv', content: 'text\nhi', jobId: '' },
    { fileName: 'a.csv', content: 'text\nhi', jobId: 7 },
    { fileName: 'a.csv', content: '', jobId: 'j1' },
    { fileName: 'a.csv', content: 'text\nhi', jobId: 'j1', mode: 'replace' },
  ],
};
