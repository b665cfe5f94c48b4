import type { TemplateVariable } from '../../shared/domain/templates';
import type { AppDatabase } from '../db/database';
import type { Selectable } from 'kysely';
import type { TemplatesTable } from '../db/schema/content';

/** A row of the templates table, decoded: the creator's template or their copy of a bundled one. */
export interface StoredTemplate {
  id: string;
  name: string;
  description: string;
  format: string;
  structure: string;
  variables: TemplateVariable[];
  hidden: boolean;
  createdAt: string;
  updatedAt: string;
}

function decode(row: Selectable<TemplatesTable>): StoredTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    format: row.format,
    structure: row.structure,
    variables: JSON.parse(row.variables) as TemplateVariable[],
    hidden: row.hidden === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** SQL for the templates table. */
export class TemplatesRepository {
  constructor(private readonly database: AppDatabase) {}

  async all(): Promise<StoredTemplate[]> {
    const rows = await this.database.db.selectFrom('templates').selectAll().orderBy('created_at').execute();
    return rows.map(decode);
  }

  async find(id: string): Promise<StoredTemplate | undefined> {
    const row = await this.database.db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : decode(row);
  }

  /** Inserts or replaces the row (keeping its first created_at). */
  async upsert(template: StoredTemplate): Promise<void> {
    await this.database.db
      .insertInto('templates')
      .values({
        id: template.id,
        name: template.name,
        description: template.description,
        format: template.format,
        structure: template.structure,
        variables: JSON.stringify(template.variables),
        hidden: template.hidden ? 1 : 0,
        created_at: template.createdAt,
        updated_at: template.updatedAt,
      })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          format: eb.ref('excluded.format'),
          structure: eb.ref('excluded.structure'),
          variables: eb.ref('excluded.variables'),
          hidden: eb.ref('excluded.hidden'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.database.db.deleteFrom('templates').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
