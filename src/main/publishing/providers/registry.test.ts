import { describe, expect, it } from 'vitest';
import { PKCE_AUTH, peerConnector } from '../../accounts/accounts.test-support';
import { ConnectorRegistry, mastodonEndpoints } from './registry';

describe('connector registry', () => {
  it('uses the platform default, then the env override, then the option; Mastodon uses the instance', () => {
    const env: Record<string, string | undefined> = {};
    const registry = new ConnectorRegistry({ env });
    expect(registry.baseUrl('x')).toBe('https://api.x.com');
    expect(registry.baseUrl('mastodon', 'https://mastodon.social/')).toBe('https://mastodon.social');
    expect(() => registry.baseUrl('mastodon')).toThrow('No API address is known for mastodon');
    env.CADENCE_API_BASE_X = 'http://127.0.0.1:4000';
    env.CADENCE_API_BASE_MASTODON = 'http://127.0.0.1:4001/';
    expect(registry.baseUrl('x')).toBe('http://127.0.0.1:4000');
    expect(registry.baseUrl('mastodon', 'https://mastodon.social')).toBe('http://127.0.0.1:4001');
    registry.setBaseUrl('x', 'http://127.0.0.1:5000');
    expect(registry.baseUrl('x')).toBe('http://127.0.0.1:5000');
    registry.setBaseUrl('x', null);
    expect(registry.baseUrl('x')).toBe('http://127.0.0.1:4000');
  });

  it('moves OAuth endpoints to the override origin, keeping their paths', () => {
    const registry = new ConnectorRegistry({ env: {}, baseUrls: { linkedin: 'http://127.0.0.1:4100' } });
    expect(
      registry.oauthEndpoints('linkedin', PKCE_AUTH as Extract<typeof PKCE_AUTH, { kind: 'oauth2-pkce' }>),
    ).toEqual({
      authorizeUrl: 'http://127.0.0.1:4100/oauth2/authorize',
      tokenUrl: 'http://127.0.0.1:4100/oauth2/token',
      revokeUrl: 'http://127.0.0.1:4100/oauth2/revoke',
    });
    expect(mastodonEndpoints('https://fosstodon.org/')).toEqual({
      authorizeUrl: 'https://fosstodon.org/oauth/authorize',
      tokenUrl: 'https://fosstodon.org/oauth/token',
      revokeUrl: 'https://fosstodon.org/oauth/revoke',
    });
  });

  it('makes each connector once and knows which platforms it has', () => {
    let made = 0;
    const registry = new ConnectorRegistry({
      env: { CADENCE_OAUTH_CLIENT_ID_LINKEDIN: 'from-env' },
      factories: {
        linkedin: () => {
          made += 1;
          return peerConnector('linkedin', PKCE_AUTH);
        },
      },
    });
    expect(registry.connector('linkedin')).toBe(registry.connector('linkedin'));
    expect(made).toBe(1);
    expect(registry.connector('tiktok')).toBeNull();
    expect(registry.platforms()).toEqual(['linkedin']);
    expect(registry.clientId('linkedin')).toBe('from-env');
  });
});
