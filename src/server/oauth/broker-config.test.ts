import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../config';
import { brokerAppsFrom } from './broker-config';

const BASE = {
  DATABASE_URL: 'postgres://cadence@127.0.0.1:5432/cadence',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
};

function failure(env: Record<string, string>): string {
  try {
    readServerConfig({ ...BASE, ...env });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the settings to be refused');
}

describe('sign-in broker settings', () => {
  it('lists the platforms whose app is set, in the contract order, with their peer override', () => {
    const config = readServerConfig({
      ...BASE,
      OAUTH_TIKTOK_CLIENT_ID: 'tt-key',
      OAUTH_TIKTOK_CLIENT_SECRET: 'tt-secret',
      OAUTH_FACEBOOK_CLIENT_ID: 'fb-app',
      OAUTH_FACEBOOK_CLIENT_SECRET: 'fb-secret',
      OAUTH_FACEBOOK_BASE_URL: 'http://127.0.0.1:4100',
      // A peer address alone offers nothing: there is no app to use it with.
      OAUTH_LINKEDIN_BASE_URL: 'http://127.0.0.1:4200',
    });
    expect(brokerAppsFrom(config)).toEqual([
      {
        platform: 'facebook',
        credentials: { clientId: 'fb-app', clientSecret: 'fb-secret' },
        baseUrlOverride: 'http://127.0.0.1:4100',
      },
      { platform: 'tiktok', credentials: { clientId: 'tt-key', clientSecret: 'tt-secret' }, baseUrlOverride: null },
    ]);
  });

  it('offers nothing when no app is set, and reads empty variables as unset', () => {
    expect(brokerAppsFrom(readServerConfig(BASE))).toEqual([]);
    const blank = readServerConfig({ ...BASE, OAUTH_THREADS_CLIENT_ID: '', OAUTH_THREADS_CLIENT_SECRET: '  ' });
    expect(brokerAppsFrom(blank)).toEqual([]);
  });

  it('refuses to start with half an app, naming the missing variable, and never echoes the secret', () => {
    const noSecret = failure({ OAUTH_INSTAGRAM_CLIENT_ID: 'ig-app' });
    expect(noSecret).toContain('OAUTH_INSTAGRAM_CLIENT_SECRET');
    expect(noSecret).toMatch(/set both/);

    const noId = failure({ OAUTH_YOUTUBE_CLIENT_SECRET: 'GOCSPX-very-secret' });
    expect(noId).toContain('OAUTH_YOUTUBE_CLIENT_ID');
    expect(noId).not.toContain('GOCSPX-very-secret');
  });

  it('refuses a peer address that is not an http(s) URL', () => {
    expect(failure({ OAUTH_LINKEDIN_BASE_URL: 'ftp://127.0.0.1/' })).toContain('OAUTH_LINKEDIN_BASE_URL');
  });
});
