import { z } from 'zod';
import { providerIdSchema } from '../domain/llm';
import { postIdSchema } from '../domain/post';
import { draftProgressSchema } from '../domain/studio';
import { syncStatusSchema } from '../domain/sync';
import { utterancePhaseSchema } from '../domain/voice';

/** One shape for every long-running job's progress (imports, later model pulls and uploads). */
export const progressSchema = z.object({
  jobId: z.string(),
  phase: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  cancellable: z.boolean(),
  /** Downloads also say how far, how fast and how long: 0–100, bytes per second, milliseconds left. */
  percent: z.number().min(0).max(100).nullable().optional(),
  bytesPerSecond: z.number().nonnegative().nullable().optional(),
  etaMs: z.number().nonnegative().nullable().optional(),
  /** What the engine reports it is doing, e.g. "pulling 6a0746a1ec1a". */
  status: z.string().optional(),
});
export type Progress = z.infer<typeof progressSchema>;

/** Push events from the core to every connected UI. */
export const eventSchemas = {
  'job:progress': progressSchema,
  'posts:changed': z.object({ ids: z.array(postIdSchema), reason: z.string() }),
  'profile:changed': z.object({}),
  'app:notification': z.object({ title: z.string(), body: z.string() }),
  /** A cadence://<action>/<path> link opened the app. Query parameters (OAuth codes) stay in main. */
  'app:deep-link': z.object({ action: z.string(), path: z.array(z.string()) }),
  /** Metrics, accounts or publications changed (an import, a metrics pull); dashboards reload. */
  'analytics:changed': z.object({ reason: z.string() }),
  /** New anomalies were found in the creator's series. */
  'analytics:anomalies': z.object({ count: z.number().int().nonnegative() }),
  /** An account was connected, reconnected, refreshed, disconnected or needs the creator (token health reloads). */
  'accounts:changed': z.object({ accountId: z.string().nullable(), reason: z.string() }),
  /** A report finished (on demand or on schedule). */
  'reports:ready': z.object({ id: z.string(), title: z.string() }),
  /** The coach's view changed: a new plan, interventions raised or closed, a milestone reached. */
  'coach:changed': z.object({ reason: z.string() }),
  /** A goal milestone was reached: the UI celebrates it until acknowledged. */
  'coach:milestone': z.object({ id: z.number().int().positive(), fraction: z.number(), value: z.number() }),
  /** A bulk job or one of its items changed (status, post made, plan edited); the UI reloads bulk:get-job. */
  'bulk:changed': z.object({ jobId: z.string() }),
  /** Publish jobs changed (queued, sent, published, failed, missed); per-post views reload publishing:list-jobs. */
  'publishing:changed': z.object({ jobIds: z.array(z.string()), postIds: z.array(z.string()), reason: z.string() }),
  /** An utterance moved on (listening → transcribing → understanding → acting → done). */
  'voice:state': z.object({
    utteranceId: z.string().nullable(),
    commandId: z.string().nullable(),
    phase: utterancePhaseSchema,
    message: z.string().optional(),
  }),
  /** The global hold-to-talk key (desktop key hook): down starts capture, up ends it; toggle flips it. */
  'voice:hotkey': z.object({ phase: z.enum(['down', 'up', 'toggle']) }),
  /** The command history or custom commands changed; the Talk page reloads. */
  'voice:changed': z.object({ commandId: z.string().nullable(), reason: z.string() }),
  /** A studio draft's generation state changed (queued → streaming → done/failed/cancelled). */
  'studio:draft-progress': draftProgressSchema,
  /** A piece of generated text for the llm:generate-text call with this requestId. */
  'llm:token': z.object({ requestId: z.string(), text: z.string() }),
  /** A provider call starts; position > 0 means a fallback, so drop text streamed so far. */
  'llm:attempt': z.object({
    requestId: z.string(),
    provider: providerIdSchema,
    model: z.string(),
    position: z.number().int().nonnegative(),
  }),
  /** The generation ended; usageId is null when no provider was called. */
  'llm:done': z.object({
    requestId: z.string(),
    outcome: z.enum(['ok', 'cancelled', 'error']),
    usageId: z.number().int().positive().nullable(),
  }),
  /** The sync account, passphrase step or engine state changed (phase, pending, last sync, errors). */
  'sync:state': syncStatusSchema,
};
export type EventMap = { [K in keyof typeof eventSchemas]: z.infer<(typeof eventSchemas)[K]> };
export type EventName = keyof EventMap;
