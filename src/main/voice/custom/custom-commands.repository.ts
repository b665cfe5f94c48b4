import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { ContractError } from '../../../shared/contract/errors';
import {
  type CustomCommand,
  customCommandSchema,
  type VoiceIntent,
  type VoiceLanguage,
} from '../../../shared/domain/voice';
import type { Database } from '../../db/schema';
import type { VoiceCustomCommandsTable } from '../../db/schema/voice';

export interface CustomCommandInput {
  id?: string | undefined;
  phrase: string;
  language: VoiceLanguage;
  intents: VoiceIntent[];
  origin: CustomCommand['origin'];
}

/**
 * Custom phrases, stored normalised (the caller passes the normaliser the grammar uses), so "Post
 * it, now!" and "post it now" are the same phrase and a second one is refused.
 */
export class CustomCommandsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly normalize: (phrase: string) => string,
    private readonly now: () => Date,
  ) {}

  async list(): Promise<CustomCommand[]> {
    const rows = await this.db.selectFrom('voice_custom_commands').selectAll().orderBy('created_at').execute();
    return rows.map(fromRow);
  }

  async get(id: string): Promise<CustomCommand | null> {
    const row = await this.db.selectFrom('voice_custom_commands').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async save(input: CustomCommandInput): Promise<CustomCommand> {
    const phrase = this.normalize(input.phrase);
    if (phrase.length < 2) {
      throw new ContractError('VALIDATION_FAILED', 'The phrase needs at least 2 letters or digits', {
        issues: [{ path: ['phrase'], message: 'Write a phrase with words in it' }],
      });
    }
    const existing = input.id === undefined ? null : await this.get(input.id);
    if (input.id !== undefined && !existing)
      throw new ContractError('NOT_FOUND', 'That custom command no longer exists');
    const clash = await this.db
      .selectFrom('voice_custom_commands')
      .select('id')
      .where('language', '=', input.language)
      .where('phrase', '=', phrase)
      .executeTakeFirst();
    if (clash && clash.id !== input.id) {
      throw new ContractError('CONFLICT', `"${phrase}" is already a custom command; change or delete that one first`, {
        issues: [{ path: ['phrase'], message: 'This phrase is already in use' }],
      });
    }
    const command: CustomCommand = customCommandSchema.parse({
      id: existing?.id ?? randomUUID(),
      phrase,
      language: input.language,
      intents: input.intents,
      origin: existing?.origin ?? input.origin,
      createdAt: existing?.createdAt ?? this.now().toISOString(),
    });
    const row = toRow(command);
    if (existing) {
      await this.db.updateTable('voice_custom_commands').set(row).where('id', '=', command.id).execute();
    } else {
      await this.db.insertInto('voice_custom_commands').values(row).execute();
    }
    return command;
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('voice_custom_commands').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0)
      throw new ContractError('NOT_FOUND', 'That custom command no longer exists');
  }
}

function toRow(command: CustomCommand): VoiceCustomCommandsTable {
  return {
    id: command.id,
    phrase: command.phrase,
    language: command.language,
    intents: JSON.stringify(command.intents),
    origin: command.origin,
    created_at: command.createdAt,
  };
}

function fromRow(row: Selectable<VoiceCustomCommandsTable>): CustomCommand {
  return customCommandSchema.parse({
    id: row.id,
    phrase: row.phrase,
    language: row.language,
    intents: JSON.parse(row.intents) as unknown,
    origin: row.origin,
    createdAt: row.created_at,
  });
}
