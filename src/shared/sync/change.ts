import { z } from 'zod';

/**
 * What one encrypted sync change holds once opened: a write to one row of one synced table.
 * - `insert`: the row was created (carries every synced column); it also brings back a row that
 *   was deleted earlier, if it is newer than the delete.
 * - `update`: only the columns that changed.
 * - `delete`: a tombstone; plain updates never bring the row back.
 * Values are SQLite scalars (text, number, null).
 */
export const syncValueSchema = z.union([z.string(), z.number(), z.null()]);
export type SyncValue = z.infer<typeof syncValueSchema>;

export const syncChangePayloadSchema = z.discriminatedUnion('op', [
  z.object({
    v: z.literal(1),
    op: z.enum(['insert', 'update']),
    table: z.string().min(1).max(64),
    rowId: z.string().min(1).max(200),
    fields: z.record(z.string().min(1).max(64), syncValueSchema),
  }),
  z.object({
    v: z.literal(1),
    op: z.literal('delete'),
    table: z.string().min(1).max(64),
    rowId: z.string().min(1).max(200),
  }),
]);
export type SyncChangePayload = z.infer<typeof syncChangePayloadSchema>;

/** A change with its clock stamp: the unit the engine captures, applies and seals. */
export type StampedChange = SyncChangePayload & { hlc: string };
