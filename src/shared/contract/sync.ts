import { z } from 'zod';
import { cloudDeviceSchema, cloudPlanSchema, syncResultSchema, syncStatusSchema } from '../domain/sync';
import { defineChannel } from './channel';

const empty = z.object({}).strict();

export const serverUrlSchema = z
  .url({ message: 'The sync server must be a web address like https://sync.example.com', protocol: /^https?$/ })
  .max(300, 'The server address is too long');

const email = z.email({ message: 'Enter your email address' }).max(254, 'The email address is too long');
/** The account password (checked by the server); never the encryption passphrase. */
const accountPassword = z.string().min(1, 'Enter your password').max(256, 'The password is too long');
const newAccountPassword = z
  .string()
  .min(10, 'Use at least 10 characters for the account password')
  .max(256, 'The password is too long');
/**
 * The encryption passphrase never leaves this device; only it can open the synced data, so it has
 * to be long enough to resist guessing by someone who has the server's copy.
 */
const newPassphrase = z
  .string()
  .min(12, 'Use at least 12 characters for the passphrase (a few words work well)')
  .max(1024, 'The passphrase is too long');
const passphrase = z.string().min(1, 'Enter your passphrase').max(1024, 'The passphrase is too long');

const credentials = z
  .object({
    /** Defaults to the address saved with sync:set-server-url. */
    serverUrl: serverUrlSchema.optional(),
    email,
  })
  .strict();

/** The sync channels (issue #7): the Cadence account, the passphrase, status and devices. */
export const syncChannels = {
  'sync:get-status': defineChannel({
    input: empty,
    output: syncStatusSchema,
    summary: 'The account this device is signed in to, the passphrase step and the sync engine state.',
  }),
  'sync:set-server-url': defineChannel({
    input: z.object({ serverUrl: serverUrlSchema }).strict(),
    output: syncStatusSchema,
    summary: 'Choose the sync server for the next sign-in (refused while signed in).',
  }),
  'sync:sign-up': defineChannel({
    input: credentials.extend({ password: newAccountPassword }).strict(),
    output: syncStatusSchema,
    summary: 'Create a Cadence account and sign this device in; the server emails a verification link.',
  }),
  'sync:sign-in': defineChannel({
    input: credentials.extend({ password: accountPassword }).strict(),
    output: syncStatusSchema,
    summary: 'Sign this device in to an existing Cadence account.',
  }),
  'sync:sign-out': defineChannel({
    input: empty,
    output: syncStatusSchema,
    summary: 'Sign out: revokes this device session on the server and forgets its tokens and keys here.',
  }),
  'sync:set-passphrase': defineChannel({
    input: z.object({ passphrase: newPassphrase }).strict(),
    output: syncStatusSchema,
    summary: 'First device: choose the passphrase that encrypts synced data, then start syncing.',
  }),
  'sync:unlock': defineChannel({
    input: z.object({ passphrase }).strict(),
    output: syncStatusSchema,
    summary: 'Another device: enter the passphrase chosen on the first device to open the synced data.',
  }),
  'sync:change-passphrase': defineChannel({
    input: z.object({ oldPassphrase: passphrase, newPassphrase }).strict(),
    output: syncStatusSchema,
    summary: 'Change the passphrase; other devices keep syncing (their keys do not change).',
  }),
  'sync:sync-now': defineChannel({
    input: empty,
    output: syncResultSchema,
    summary: 'Push local changes and pull remote ones now.',
  }),
  'sync:get-plan': defineChannel({
    input: empty,
    output: cloudPlanSchema,
    summary: 'The account plan, its limits and this month’s usage.',
  }),
  'sync:list-devices': defineChannel({
    input: empty,
    output: z.object({ devices: z.array(cloudDeviceSchema) }),
    summary: 'Devices signed in to the account, with when each was last seen.',
  }),
  'sync:revoke-device': defineChannel({
    input: z.object({ deviceId: z.uuid({ message: 'Not a device id' }) }).strict(),
    output: z.object({ devices: z.array(cloudDeviceSchema) }),
    summary: 'Sign another device out of the account (a lost or old computer); returns the devices.',
  }),
  'sync:resend-verification': defineChannel({
    input: empty,
    output: empty,
    summary: 'Email the verification link again.',
  }),
  'sync:request-password-reset': defineChannel({
    input: z.object({ serverUrl: serverUrlSchema.optional(), email }).strict(),
    output: empty,
    summary: 'Email a password reset link (the server never says whether the address has an account).',
  }),
  'sync:delete-account': defineChannel({
    input: z
      .object({
        password: accountPassword,
        /** Typed by the creator to confirm: the words "delete my account". */
        confirm: z.literal('delete my account', { message: 'Type "delete my account" to confirm' }),
      })
      .strict(),
    output: syncStatusSchema,
    summary:
      'Delete the Cadence account and everything the server holds for it; data on this computer stays. Signs out.',
  }),
};
