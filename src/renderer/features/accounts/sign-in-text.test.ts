import { describe, expect, it } from 'vitest';
import type { SignInOption } from '../../../shared/domain/accounts';
import { PLATFORMS } from '../../../shared/domain/platform';
import { isConfidential, signInRows } from './sign-in-text';

const OPTIONS: SignInOption[] = [
  { platform: 'instagram', via: 'own-app', detail: 'Signs in with your Meta app.' },
  { platform: 'facebook', via: 'cadence-sync', detail: "Signs in with Cadence's Meta app through sync." },
  {
    platform: 'tiktok',
    via: 'unavailable',
    detail: 'Sign in to Cadence sync, or add your own TikTok app in Accounts.',
  },
  { platform: 'x', via: 'public', detail: 'Signs in with PKCE; no secret needed.' },
  { platform: 'bluesky', via: 'app-password', detail: 'Uses an app password.' },
];

describe('How Cadence signs in', () => {
  it('lists every platform in the usual order with its route in words and main’s sentence', () => {
    const rows = signInRows(OPTIONS, []);
    expect(rows.map((r) => r.platform)).toEqual([...PLATFORMS]);
    expect(rows.find((r) => r.platform === 'instagram')).toMatchObject({
      viaText: 'Via your own app',
      detail: 'Signs in with your Meta app.',
      tone: 'good',
    });
    expect(rows.find((r) => r.platform === 'facebook')).toMatchObject({ viaText: 'Via Cadence sync', tone: 'muted' });
    expect(rows.find((r) => r.platform === 'tiktok')).toMatchObject({
      viaText: 'Not available',
      detail: 'Sign in to Cadence sync, or add your own TikTok app in Accounts.',
      tone: 'bad',
    });
    expect(rows.find((r) => r.platform === 'bluesky')?.viaText).toBe('With an app password');
  });

  it('says so when main gave no answer for a platform, instead of leaving it out', () => {
    const mastodon = signInRows(OPTIONS, []).find((r) => r.platform === 'mastodon');
    expect(mastodon).toMatchObject({ via: 'unavailable', tone: 'bad' });
    expect(mastodon?.detail).toContain('reopen this page');
  });

  it('offers an own app only where a secret is needed, and attaches the saved one', () => {
    const saved = { platform: 'instagram' as const, clientId: '1234567890', savedAt: '2026-11-29T10:00:00.000Z' };
    const rows = signInRows(OPTIONS, [saved]);
    expect(rows.filter((r) => r.ownAppAllowed).map((r) => r.platform)).toEqual(
      PLATFORMS.filter((p) => ['facebook', 'instagram', 'threads', 'tiktok', 'linkedin', 'youtube'].includes(p)),
    );
    expect(rows.find((r) => r.platform === 'instagram')?.ownApp).toEqual(saved);
    expect(rows.find((r) => r.platform === 'facebook')?.ownApp).toBeNull();
    expect(isConfidential('mastodon')).toBe(false);
    expect(isConfidential('youtube')).toBe(true);
  });
});
