import type { MalformedRows } from '../contract/malformed-rows';

const POST = '0b6f3c8e-2d7a-4c1e-9f3b-5a6d7e8f9a0b';
const OTHER = '1c7f4d9f-3e8b-4d2f-8a4c-6b7e8f9a0b1c';

/** Inputs each planning channel must refuse before any service runs (read by dispatcher.test.ts). */
export const planningMalformedInputs: MalformedRows<'planning'> = {
  'planning:get-slots': ['all', [], { platform: 'x' }],
  'planning:save-slots': [
    undefined,
    {},
    { platform: 'x' },
    { platform: 'myspace', slots: null },
    { platform: 'x', slots: [] },
    { platform: 'x', slots: [{ weekday: 7, hour: 9 }] },
    { platform: 'x', slots: [{ weekday: 1, hour: 24 }] },
    { platform: 'x', slots: [{ weekday: 1, hour: 9, minute: 60 }] },
    { platform: 'x', slots: [{ weekday: 1.5, hour: 9 }] },
    { platform: 'x', slots: [{ weekday: 1, hour: 9, second: 0 }] },
    {
      platform: 'x',
      slots: [
        { weekday: 1, hour: 9 },
        { weekday: 1, hour: 9, minute: 0 },
      ],
    },
    { platform: 'x', slots: null, extra: 1 },
  ],
  'planning:next-free-slot': [
    undefined,
    {},
    { platform: 'myspace' },
    { platform: 'x', after: 'tomorrow' },
    { platform: 'x', after: '2026-12-01' },
    { platform: 'x', windowMinutes: 0 },
    { platform: 'x', windowMinutes: 721 },
    { platform: 'x', extra: 1 },
  ],
  'planning:schedule-next-free': [
    undefined,
    {},
    { postId: 'nope' },
    { postId: POST, version: 0 },
    { postId: POST, windowMinutes: -5 },
    { postId: POST, platform: 'x' },
  ],
  'planning:get-queue': [
    'all',
    { platform: 'myspace' },
    { days: 0 },
    { days: 91 },
    { days: 1.5 },
    { days: '14' },
    { extra: 1 },
  ],
  'planning:get-gaps': [
    undefined,
    {},
    { from: '2026-12-01' },
    { from: '2026-12-31', to: '2026-12-01' },
    { from: '2026-01-01', to: '2027-01-02' },
    { from: '2026-12-01T00:00:00Z', to: '2026-12-31' },
    { from: '2026-12-01', to: '2026-12-31', extra: 1 },
  ],
  'planning:schedule-ab-pair': [
    undefined,
    {},
    { postA: POST },
    { postA: POST, postB: POST },
    { postA: POST, postB: 'b' },
    { postA: POST, postB: OTHER, platform: 'myspace' },
    { postA: POST, postB: OTHER, label: 'x'.repeat(201) },
    { postA: POST, postB: OTHER, windowMinutes: 0 },
    { postA: POST, postB: OTHER, when: 'now' },
  ],
};
