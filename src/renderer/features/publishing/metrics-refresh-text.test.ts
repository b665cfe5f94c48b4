import { describe, expect, it } from 'vitest';
import { refreshMessage } from './metrics-refresh-text';

describe('refreshMessage', () => {
  it.each([
    [{ snapshots: 0, waiting: [] }, 'No new numbers yet.'],
    [{ snapshots: 1, waiting: [] }, 'Got new numbers from 1 platform.'],
    [
      { snapshots: 2, waiting: [{ platform: 'x' as const, reason: 'Rate limited until 10:15.' }] },
      'Got new numbers from 2 platforms. X: Rate limited until 10:15.',
    ],
  ])('%o → %s', (outcome, text) => {
    expect(refreshMessage(outcome)).toBe(text);
  });
});
