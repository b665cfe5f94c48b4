import type { Selectable } from 'kysely';
import { type ReportMeta, reportParamsSchema } from '../../shared/contract/reports';
import type { Db, Tx } from '../db/database';
import type { ReportsTable } from '../db/schema/analytics';

export type ReportRow = Selectable<ReportsTable>;

/** A stored row as the contract shows it (file names stay in main). */
export function toReportMeta(row: ReportRow): ReportMeta {
  return {
    id: row.id,
    kind: row.kind === 'custom' ? 'custom' : 'weekly',
    title: row.title,
    from: row.range_from,
    to: row.range_to,
    params: reportParamsSchema.parse(JSON.parse(row.params)),
    createdAt: row.created_at,
  };
}

/** The `reports` table (files live in <data>/reports/, named in pdf_file and csv_file). */
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: ReportRow, tx: Db | Tx = this.db): Promise<void> {
    await tx.insertInto('reports').values(row).execute();
  }

  async get(id: string, tx: Db | Tx = this.db): Promise<ReportRow | null> {
    return (await tx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Newest first; the id breaks ties between reports made in the same millisecond. */
  async list(tx: Db | Tx = this.db): Promise<ReportRow[]> {
    return tx.selectFrom('reports').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  async delete(id: string, tx: Db | Tx = this.db): Promise<boolean> {
    const result = await tx.deleteFrom('reports').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** When the newest weekly report was made (for the catch-up after the app was closed). */
  async newestWeeklyAt(tx: Db | Tx = this.db): Promise<string | null> {
    const row = await tx
      .selectFrom('reports')
      .select('created_at')
      .where('kind', '=', 'weekly')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.created_at ?? null;
  }

  /** When the creator finished onboarding: no weekly report was due before that. */
  async profileCreatedAt(tx: Db | Tx = this.db): Promise<string | null> {
    const row = await tx.selectFrom('profile').select('created_at').where('id', '=', 1).executeTakeFirst();
    return row?.created_at ?? null;
  }
}
