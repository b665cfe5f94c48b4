import type { MalformedRows } from '../contract/malformed-rows';

const POST = '0b6f3c8e-2d7a-4c1e-9f3b-5a6d7e8f9a0b';
const OTHER = '1c7f4d9f-3e8b-4d2f-8a4c-6b7e8f9a0b1c';

/** Inputs each analytics channel must refuse before any service runs (read by dispatcher.test.ts). */
export const analyticsMalformedInputs: MalformedRows<'analytics'> = {
  'analytics:get-overview': [
    undefined,
    {},
    { from: '2026-01-01' },
    { from: '2026-13-01', to: '2026-12-31' },
    { from: '2026-02-01', to: '2026-01-01' },
    { from: '2026-01-01', to: '2026-01-31', platforms: [] },
    { from: '2026-01-01', to: '2026-01-31', platforms: ['myspace'] },
    { from: '2026-01-01', to: '2026-01-31', extra: true },
    { from: '2026-01-01T00:00:00Z', to: '2026-01-31' },
  ],
  'analytics:get-post-metrics': [undefined, {}, { postId: 'nope' }, { postId: 42 }, { postId: POST, extra: 1 }],
  'analytics:list-ab-pairs': ['all', [], { platform: 'x' }],
  'analytics:create-ab-pair': [
    undefined,
    {},
    { postA: POST, postB: POST, platform: 'x' },
    { postA: POST, postB: OTHER },
    { postA: POST, postB: OTHER, platform: 'myspace' },
    { postA: 'a', postB: OTHER, platform: 'x' },
    { postA: POST, postB: OTHER, platform: 'x', label: 'x'.repeat(201) },
    { postA: POST, postB: OTHER, platform: 'x', winner: 'a' },
  ],
  'analytics:delete-ab-pair': [undefined, {}, { id: 0 }, { id: 1.5 }, { id: '1' }, { id: 1, extra: 1 }],
  'analytics:get-success-factors': [
    'all',
    { from: 'yesterday' },
    { from: '2026-02-01', to: '2026-01-01' },
    { platforms: [] },
    { extra: 1 },
  ],
  'analytics:get-best-times': [undefined, {}, { platform: 'myspace' }, { platform: 'x', extra: 1 }],
  'analytics:list-anomalies': [
    42,
    { from: '2026-1-1' },
    { from: '2026-02-01', to: '2026-01-01' },
    { includeDismissed: 'yes' },
    { extra: 1 },
  ],
  'analytics:dismiss-anomaly': [undefined, {}, { id: -1 }, { id: 'abc' }, { id: 1, extra: 1 }],
};
