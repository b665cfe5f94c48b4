import { z } from 'zod';
import { accountIdSchema } from '../domain/accounts';
import { platformSchema } from '../domain/platform';
import { publishJobIdSchema, publishJobSchema } from '../domain/publishing';
import { defineChannel } from './channel';

const empty = z.object({}).strict();
const jobRef = z.object({ jobId: publishJobIdSchema }).strict();

/** Whether the relay can be used on this device, and which connected accounts use it. */
export const relayStatusSchema = z.object({
  /** Signed in to Cadence sync (the relay runs on the sync service). */
  signedIn: z.boolean(),
  /** The Cadence account's email while signed in. */
  email: z.string().nullable(),
  /** Connected accounts opted in to the relay. */
  accountIds: z.array(z.string()),
  /** Their platforms (a queued job may not name its account yet). */
  platforms: z.array(platformSchema),
});
export type RelayStatus = z.infer<typeof relayStatusSchema>;

/** The publish relay channels (issue #7): scheduled text posts published by the sync service. */
export const relayChannels = {
  'relay:status': defineChannel({
    input: empty,
    output: relayStatusSchema,
    summary: 'Whether this device is signed in to Cadence sync, and the accounts opted in to the relay.',
  }),
  'relay:set-account': defineChannel({
    input: z.object({ accountId: accountIdSchema, enabled: z.boolean() }).strict(),
    output: relayStatusSchema,
    summary:
      'Opt a connected account in or out: its scheduled text posts are published by the relay while this device sleeps.',
  }),
  'relay:hand-off': defineChannel({
    input: jobRef,
    output: publishJobSchema,
    summary: 'Hand a queued job of an opted-in account to the relay now; the job becomes relayed.',
  }),
  'relay:take-back': defineChannel({
    input: jobRef,
    output: publishJobSchema,
    summary: 'Take a relayed job back into this device’s queue (refused once the relay has started it).',
  }),
  'relay:pull-now': defineChannel({
    input: empty,
    output: z.object({
      /** Relayed jobs settled from the relay's results (published or failed). */
      settled: z.number().int().nonnegative(),
      /** Queued jobs of opted-in accounts handed over in this pass. */
      handed: z.number().int().nonnegative(),
    }),
    summary: 'Fetch the relay’s results now and hand over queued jobs of opted-in accounts.',
  }),
};
