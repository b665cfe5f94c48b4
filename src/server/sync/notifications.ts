import { z } from 'zod';

/** The PostgreSQL channel every instance LISTENs on. */
export const SYNC_CHANNEL = 'cadence_sync';

/**
 * What a push announces: whose log grew, which device pushed (it is not told about its own change)
 * and the cursor after the push. Short keys: NOTIFY payloads are capped at 8,000 bytes and every
 * instance parses every one.
 */
export const syncNoticeSchema = z.object({
  u: z.string().uuid(),
  d: z.string().uuid(),
  c: z.string(),
});
export type SyncNotice = z.infer<typeof syncNoticeSchema>;

export function encodeNotice(notice: SyncNotice): string {
  return JSON.stringify(notice);
}

/** A payload that is not ours (someone else NOTIFYing on the channel) gives null, never a throw. */
export function decodeNotice(payload: string | undefined): SyncNotice | null {
  if (!payload) return null;
  try {
    const parsed = syncNoticeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
