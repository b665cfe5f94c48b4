import type { MalformedRows } from '../contract/malformed-rows';

const plan = { platforms: ['x'], niche: 'sourdough', postsPerWeek: 3, from: '2026-12-07', weeks: 4 };
const jobId = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const jobOnly = [{}, { jobId: 'job-1' }, { jobId: 42 }, { jobId, extra: true }];

/** Inputs each bulk channel must refuse before any service runs (read by dispatcher.test.ts). */
export const bulkMalformedInputs: MalformedRows<'bulk'> = {
  'bulk:plan': [
    {},
    { ...plan, platforms: [] },
    { ...plan, platforms: ['x', 'x'] },
    { ...plan, platforms: ['myspace'] },
    { ...plan, niche: '  ' },
    { ...plan, postsPerWeek: 0 },
    { ...plan, postsPerWeek: 2.5 },
    { ...plan, from: '2026-13-01' },
    { ...plan, weeks: undefined },
    { ...plan, to: '2026-12-31' },
    { ...plan, weeks: 13 },
    { ...plan, weeks: undefined, to: '2026-12-01' },
    { ...plan, weeks: undefined, to: '2027-06-01' },
    { ...plan, formats: ['limerick'] },
    { ...plan, days: ['someday'] },
    { ...plan, time: '9am' },
    { ...plan, concurrency: 5 },
    { ...plan, extra: true },
  ],
  'bulk:update-item': [
    {},
    { itemId: 0 },
    { itemId: '1' },
    { itemId: 1, topic: '' },
    { itemId: 1, format: 'limerick' },
    { itemId: 1, platform: 'myspace' },
    { itemId: 1, dueAt: 'tomorrow' },
    { itemId: 1, remove: false },
    { itemId: 1, remove: true, topic: 'x' },
    { itemId: 1, extra: true },
  ],
  'bulk:start': jobOnly,
  'bulk:pause': jobOnly,
  'bulk:resume': jobOnly,
  'bulk:cancel': jobOnly,
  'bulk:retry-failed': jobOnly,
  'bulk:get-job': jobOnly,
  'bulk:list-jobs': [[], { status: 'running' }],
};
