import type { MalformedRows } from '../contract/malformed-rows';

const SERVER = 'https://sync.example.com';

/** Inputs each sync channel must refuse before any service runs (read by dispatcher.test.ts). */
export const syncMalformedInputs: MalformedRows<'sync'> = {
  'sync:get-status': [{ refresh: true }, 'status'],
  'sync:set-server-url': [
    {},
    { serverUrl: '' },
    { serverUrl: 'sync.example.com' },
    { serverUrl: 'ftp://sync.example.com' },
    { serverUrl: `https://${'a'.repeat(300)}.com` },
    { serverUrl: SERVER, port: 443 },
  ],
  'sync:sign-up': [
    {},
    { email: 'ada@example.com' },
    { email: 'not an email', password: 'long enough password' },
    { email: 'ada@example.com', password: 'short' },
    { email: 'ada@example.com', password: 'x'.repeat(257) },
    { serverUrl: 'javascript:alert(1)', email: 'ada@example.com', password: 'long enough password' },
    { email: 'ada@example.com', password: 'long enough password', tier: 'pro' },
  ],
  'sync:sign-in': [
    {},
    { email: 'ada@example.com', password: '' },
    { email: '', password: 'secret' },
    { email: 'ada@example.com', password: 42 },
    { email: 'ada@example.com', password: 'secret', device: { name: 'x' } },
  ],
  'sync:sign-out': [{ everywhere: true }],
  'sync:set-passphrase': [{}, { passphrase: '' }, { passphrase: 'too short' }, { passphrase: 'x'.repeat(1025) }],
  'sync:unlock': [
    {},
    { passphrase: '' },
    { passphrase: 12345678 },
    { passphrase: 'a long passphrase', remember: true },
  ],
  'sync:change-passphrase': [
    {},
    { oldPassphrase: 'the old passphrase' },
    { oldPassphrase: '', newPassphrase: 'a brand new passphrase' },
    { oldPassphrase: 'the old passphrase', newPassphrase: 'short' },
  ],
  'sync:sync-now': [{ force: true }],
  'sync:get-plan': [{ tier: 'pro' }],
  'sync:list-devices': [{ all: true }],
  'sync:revoke-device': [{}, { deviceId: '' }, { deviceId: 'laptop' }, { deviceId: 7 }],
  'sync:resend-verification': [{ email: 'ada@example.com' }],
  'sync:request-password-reset': [{}, { email: 'nobody' }, { email: 'ada@example.com', serverUrl: 'not a url' }],
  'sync:delete-account': [
    {},
    { password: 'secret' },
    { password: 'secret', confirm: 'yes' },
    { password: '', confirm: 'delete my account' },
  ],
};
