import { describe, expect, it } from 'vitest';
import { relayToggleText } from './relay-text';

describe('relayToggleText', () => {
  it('is disabled with the reason while not signed in to sync (or before the status is known), text posts only', () => {
    for (const status of [null, { signedIn: false, email: null, accountIds: [], platforms: [] }]) {
      const text = relayToggleText(status);
      expect(text.disabled).toBe(true);
      expect(text.note).toContain('sign in to Cadence sync');
      expect(text.note).toContain('Text posts only');
    }
  });

  it('is enabled while signed in and says media posts stay on this device', () => {
    const text = relayToggleText({ signedIn: true, email: 'ada@example.com', accountIds: [], platforms: [] });
    expect(text.disabled).toBe(false);
    expect(text.note).toContain('posts with media stay on this device');
  });
});
