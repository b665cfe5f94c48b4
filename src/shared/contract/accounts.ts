import { z } from 'zod';
import {
  accountHealthSchema,
  accountIdSchema,
  connectStartSchema,
  connectStatusSchema,
  ownAppSchema,
  signInOptionSchema,
} from '../domain/accounts';
import { platformSchema } from '../domain/platform';
import { confidentialPlatformSchema } from '../sync-api/oauth';
import { defineChannel } from './channel';

const instanceUrlSchema = z
  .url({ message: 'The instance must be a web address like https://mastodon.social', protocol: /^https?$/ })
  .max(300, 'The instance address is too long');

/** The accounts channels (issue #5): connecting accounts, token health, reconnect and disconnect. */
export const accountsChannels = {
  'accounts:start-connect': defineChannel({
    input: z
      .object({
        platform: platformSchema,
        /** Mastodon only: the creator's server. */
        instanceUrl: instanceUrlSchema.optional(),
      })
      .strict()
      .refine((v) => v.platform !== 'mastodon' || v.instanceUrl !== undefined, {
        message: 'Mastodon needs the address of your server (for example https://mastodon.social)',
        path: ['instanceUrl'],
      }),
    output: connectStartSchema,
    summary:
      'Starts connecting an account through the platform sign-in page (OAuth with PKCE, loopback redirect); returns the page to open.',
  }),
  'accounts:get-connect-status': defineChannel({
    input: z.object({ flowId: z.string().min(1, 'The flow id is missing').max(100) }).strict(),
    output: connectStatusSchema,
    summary: 'Whether a connect flow is still waiting, connected an account, or failed (with why).',
  }),
  'accounts:connect-app-password': defineChannel({
    input: z
      .object({
        handle: z.string().trim().min(1, 'Enter your Bluesky handle').max(253, 'The handle is too long'),
        appPassword: z.string().min(1, 'Enter an app password').max(100, 'The app password is too long'),
        /** The PDS; https://bsky.social by default. */
        service: z.url({ message: 'The server must be a web address', protocol: /^https?$/ }).optional(),
      })
      .strict(),
    output: accountHealthSchema,
    summary: 'Connects a Bluesky account with an app password (createSession); never the main password.',
  }),
  'accounts:list-accounts': defineChannel({
    input: z.object({}).strict(),
    output: z.array(accountHealthSchema),
    summary: "Every account with its token health: status, a plain sentence, expiry, scopes against what's needed.",
  }),
  'accounts:reconnect': defineChannel({
    input: z.object({ accountId: accountIdSchema }).strict(),
    output: connectStartSchema,
    summary:
      'Starts the sign-in flow again for an account, keeping its id (and its refresh token until a new one arrives).',
  }),
  'accounts:list-sign-in-options': defineChannel({
    input: z.object({}).strict(),
    output: z.array(signInOptionSchema),
    summary:
      "For each platform: whether Cadence can sign in to it now, and through what (Cadence's app via sync, your own app, or a public client), or why not.",
  }),
  'accounts:list-own-apps': defineChannel({
    input: z.object({}).strict(),
    output: z.array(ownAppSchema),
    summary: 'The platform apps the creator registered themselves (client ids only; secrets stay in the keychain).',
  }),
  'accounts:save-own-app': defineChannel({
    input: z
      .object({
        platform: confidentialPlatformSchema,
        clientId: z.string().trim().min(1, 'Enter the app id (client id)').max(200, 'The app id is too long'),
        clientSecret: z.string().trim().min(1, 'Enter the app secret').max(500, 'The app secret is too long'),
      })
      .strict(),
    output: ownAppSchema,
    summary: "Saves the creator's own app for a platform; its secret goes to the OS keychain, never to the database.",
  }),
  'accounts:remove-own-app': defineChannel({
    input: z.object({ platform: confidentialPlatformSchema }).strict(),
    output: z.object({ removed: z.boolean() }),
    summary:
      "Forgets the creator's own app for a platform (connected accounts keep working until they need a renewal).",
  }),
  'accounts:disconnect': defineChannel({
    input: z.object({ accountId: accountIdSchema }).strict(),
    output: accountHealthSchema,
    summary: "Revokes the token where the platform allows it, deletes it, and keeps the account's history.",
  }),
};
