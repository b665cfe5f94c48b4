import { DEFAULT_REPORT_SCHEDULE, type ReportSchedule, reportScheduleSchema } from '../../shared/contract/reports';
import type { Db } from '../db/database';
import type { Logger } from '../platform/logger/logger';

/** The `settings` key the weekly report's schedule is stored under. */
export const SCHEDULE_KEY = 'reports.schedule';

/**
 * The weekly report's schedule in the `settings` table. What is read back is validated too: a
 * damaged or hand-edited value falls back to the default (and says so in the log) instead of
 * breaking the scheduler.
 */
export class ReportScheduleStore {
  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  async get(): Promise<ReportSchedule> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', SCHEDULE_KEY).executeTakeFirst();
    if (!row) return { ...DEFAULT_REPORT_SCHEDULE };
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.value);
    } catch {
      parsed = undefined;
    }
    const result = reportScheduleSchema.safeParse(parsed);
    if (result.success) return result.data;
    this.logger.warn({ key: SCHEDULE_KEY }, 'stored report schedule is not valid; using the default');
    return { ...DEFAULT_REPORT_SCHEDULE };
  }

  async save(schedule: ReportSchedule, now: Date): Promise<ReportSchedule> {
    const value = JSON.stringify(reportScheduleSchema.parse(schedule));
    const updated_at = now.toISOString();
    await this.db
      .insertInto('settings')
      .values({ key: SCHEDULE_KEY, value, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at }))
      .execute();
    return schedule;
  }
}
