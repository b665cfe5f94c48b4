import { describe, expect, it } from 'vitest';
import { CONFIDENTIAL_PLATFORMS } from '../../../shared/sync-api/oauth';
import { checkOwnAppInput, OWN_APP_GUIDES } from './own-app-guide';

describe('own app form', () => {
  it('trims the id and the secret before they are sent', () => {
    expect(checkOwnAppInput('facebook', '  1234567890 ', ' s3cr3t\n')).toEqual({
      ok: true,
      clientId: '1234567890',
      clientSecret: 's3cr3t',
    });
  });

  it('names the missing field as the platform names it', () => {
    expect(checkOwnAppInput('tiktok', ' ', '')).toEqual({
      ok: false,
      errors: { clientId: 'Enter the Client key.', clientSecret: 'Enter the Client secret.' },
    });
    expect(checkOwnAppInput('threads', 'abc', '')).toEqual({
      ok: false,
      errors: { clientSecret: 'Enter the Threads app secret.' },
    });
  });

  it('refuses what main would refuse as too long, saying where to copy it from', () => {
    expect(checkOwnAppInput('linkedin', 'i'.repeat(201), 'ok')).toEqual({
      ok: false,
      errors: { clientId: 'That Client ID is too long; copy it again from LinkedIn.' },
    });
    expect(checkOwnAppInput('youtube', 'id', 's'.repeat(501))).toEqual({
      ok: false,
      errors: { clientSecret: 'That Client secret is too long; copy it again from Google.' },
    });
    expect(checkOwnAppInput('youtube', 'i'.repeat(200), 's'.repeat(500)).ok).toBe(true);
  });

  it('points every platform that needs a secret at its developer console over https', () => {
    for (const platform of CONFIDENTIAL_PLATFORMS) {
      expect(new URL(OWN_APP_GUIDES[platform].console.href).protocol).toBe('https:');
    }
  });
});
