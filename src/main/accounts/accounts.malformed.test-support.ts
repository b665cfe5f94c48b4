import type { MalformedRows } from '../contract/malformed-rows';

const UUID = '3f2b8c1e-7a4d-4e6f-9b1a-2c3d4e5f6a7b';

/** Inputs each accounts channel must refuse before any service runs (read by dispatcher.test.ts). */
export const accountsMalformedInputs: MalformedRows<'accounts'> = {
  'accounts:start-connect': [
    {},
    { platform: 'myspace' },
    { platform: 'mastodon' },
    { platform: 'mastodon', instanceUrl: 'mastodon.social' },
    { platform: 'mastodon', instanceUrl: 'ftp://mastodon.social' },
    { platform: 'x', extra: true },
  ],
  'accounts:get-connect-status': [{}, { flowId: '' }, { flowId: 7 }, { flowId: 'a'.repeat(101) }],
  'accounts:connect-app-password': [
    {},
    { handle: 'ada.bsky.social' },
    { handle: '', appPassword: 'abcd-efgh-ijkl-mnop' },
    { handle: '   ', appPassword: 'abcd-efgh-ijkl-mnop' },
    { handle: 'ada.bsky.social', appPassword: '' },
    { handle: 'ada.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', service: 'not a url' },
    { handle: 'ada.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', password: 'main' },
  ],
  'accounts:list-accounts': [{ all: true }, 'accounts', 1],
  'accounts:reconnect': [{}, { accountId: 'abc' }, { accountId: UUID, platform: 'x' }],
  'accounts:disconnect': [{}, { accountId: 42 }, { accountId: `${UUID}x` }],
  'accounts:list-sign-in-options': [{ platform: 'x' }, 'all', 3],
  'accounts:list-own-apps': [{ platform: 'tiktok' }, 7],
  'accounts:save-own-app': [
    {},
    { platform: 'x', clientId: 'abc', clientSecret: 'def' },
    { platform: 'bluesky', clientId: 'abc', clientSecret: 'def' },
    { platform: 'tiktok', clientId: '', clientSecret: 'def' },
    { platform: 'tiktok', clientId: '   ', clientSecret: 'def' },
    { platform: 'tiktok', clientId: 'abc', clientSecret: '' },
    { platform: 'tiktok', clientId: 'abc' },
    { platform: 'tiktok', clientId: 'a'.repeat(201), clientSecret: 'def' },
    { platform: 'tiktok', clientId: 'abc', clientSecret: 's'.repeat(501) },
    { platform: 'tiktok', clientId: 'abc', clientSecret: 'def', redirectUri: 'http://127.0.0.1' },
  ],
  'accounts:remove-own-app': [{}, { platform: 'x' }, { platform: 'tiktok', clientId: 'abc' }],
};
