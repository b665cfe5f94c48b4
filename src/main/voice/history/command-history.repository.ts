import { type Kysely, type Selectable, sql } from 'kysely';
import { z } from 'zod';
import {
  type VoiceCommand,
  type VoiceIntent,
  voiceCommandSchema,
  voiceIntentSchema,
} from '../../../shared/domain/voice';
import type { Database } from '../../db/schema';
import type { VoiceCommandsTable } from '../../db/schema/voice';

/** What a command waiting for a yes or no still has to do. */
export const pendingSchema = z.object({
  /** The index in `intents` of the step that asked; later steps of a macro run after it. */
  step: z.number().int().nonnegative(),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The post "it" meant when the question was asked. */
  postId: z.string().nullable(),
});
export type Pending = z.infer<typeof pendingSchema>;

export interface StoredCommand {
  command: VoiceCommand;
  pending: Pending | null;
}

/** The voice command history in SQLite, newest first. */
export class CommandHistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(stored: StoredCommand): Promise<void> {
    const last = await this.db
      .selectFrom('voice_commands')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    await this.db
      .insertInto('voice_commands')
      .values({ ...toRow(stored), seq: Number(last?.seq ?? 0) + 1 })
      .execute();
  }

  async update(stored: StoredCommand): Promise<void> {
    const { id, ...row } = toRow(stored);
    await this.db.updateTable('voice_commands').set(row).where('id', '=', id).execute();
  }

  async get(id: string): Promise<StoredCommand | null> {
    const row = await this.db.selectFrom('voice_commands').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** Newest first; `before` is a command id whose older neighbours are wanted. */
  async list(limit: number, before?: string): Promise<VoiceCommand[]> {
    let query = this.db.selectFrom('voice_commands').selectAll().orderBy('seq', 'desc').limit(limit);
    if (before !== undefined) {
      const anchor = await this.db
        .selectFrom('voice_commands')
        .select('seq')
        .where('id', '=', before)
        .executeTakeFirst();
      if (anchor) query = query.where('seq', '<', anchor.seq);
    }
    return (await query.execute()).map((row) => fromRow(row).command);
  }

  /** The newest command still waiting for a yes or no (expired ones are settled by the caller). */
  async latestAwaiting(): Promise<StoredCommand | null> {
    const row = await this.db
      .selectFrom('voice_commands')
      .selectAll()
      .where('status', '=', 'awaiting-confirmation')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** The post the most recent command created or touched: what "it" means with nothing open. */
  async lastPostId(): Promise<string | null> {
    const row = await this.db
      .selectFrom('voice_commands')
      .select('result')
      .where(sql<string | null>`json_extract(result, '$.postId')`, 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    return (JSON.parse(row.result) as VoiceCommand['result']).postId;
  }
}

function toRow(stored: StoredCommand): Omit<VoiceCommandsTable, 'seq'> {
  const { command, pending } = stored;
  return {
    id: command.id,
    created_at: command.createdAt,
    source: command.source,
    language: command.language,
    transcript: command.transcript,
    intents: JSON.stringify(command.intents),
    understood_by: command.understoodBy,
    status: command.status,
    reply: command.reply,
    suggestions: JSON.stringify(command.suggestions),
    result: JSON.stringify(command.result),
    timings: JSON.stringify(command.timings),
    corrected_to: command.correctedTo ? JSON.stringify(command.correctedTo) : null,
    pending: pending ? JSON.stringify(pending) : null,
  };
}

function fromRow(row: Selectable<VoiceCommandsTable>): StoredCommand {
  const command = voiceCommandSchema.parse({
    id: row.id,
    createdAt: row.created_at,
    source: row.source,
    language: row.language,
    transcript: row.transcript,
    intents: JSON.parse(row.intents) as unknown,
    understoodBy: row.understood_by,
    status: row.status,
    reply: row.reply,
    suggestions: JSON.parse(row.suggestions) as unknown,
    result: JSON.parse(row.result) as unknown,
    timings: JSON.parse(row.timings) as unknown,
    correctedTo:
      row.corrected_to === null
        ? null
        : (z.array(voiceIntentSchema).parse(JSON.parse(row.corrected_to)) as VoiceIntent[]),
  });
  return { command, pending: row.pending === null ? null : pendingSchema.parse(JSON.parse(row.pending)) };
}
