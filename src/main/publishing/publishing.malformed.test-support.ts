import type { MalformedRows } from '../contract/malformed-rows';

const POST = '0b6f3c8e-2d7a-4c1e-9f3b-5a6d7e8f9a0b';
const JOB = '1c7f4d9f-3e8b-4d2f-8a4c-6b7e8f9a0b1c';

/** Inputs each publishing channel must refuse before any service runs (read by dispatcher.test.ts). */
export const publishingMalformedInputs: MalformedRows<'publishing'> = {
  'publishing:publish-now': [
    undefined,
    {},
    { postId: 'nope' },
    { postId: POST, platforms: [] },
    { postId: POST, platforms: ['myspace'] },
    { postId: POST, platforms: ['x', 'x'] },
    { postId: POST, extra: true },
  ],
  'publishing:enqueue': [undefined, {}, { postId: 42 }, { postId: POST, at: '2026-01-01T00:00:00Z' }],
  'publishing:list-jobs': [{ postId: 'x' }, { status: 'done' }, { page: 2 }],
  'publishing:get-job': [undefined, {}, { jobId: 'abc' }, { jobId: JOB, events: true }],
  'publishing:cancel-job': [undefined, {}, { jobId: 7 }],
  'publishing:resolve-missed': [
    undefined,
    { jobId: JOB },
    { jobId: JOB, action: 'skip' },
    { jobId: JOB, action: 'reschedule', at: 'tomorrow' },
    { jobId: JOB, action: 'post-now', at: '2026-12-01T09:00:00Z' },
  ],
  'publishing:retry-job': [
    undefined,
    {},
    { jobId: '' },
    { jobId: JOB, at: 'tomorrow' },
    { jobId: JOB, at: '2026-12-01' },
    { jobId: JOB, at: 1_780_000_000_000 },
    { jobId: JOB, at: '2026-12-01T09:00:00Z', platform: 'x' },
  ],
  'publishing:refresh-metrics': [{ postId: 'nope' }, { postId: 42 }, { postId: POST, all: true }, 'now'],
};
