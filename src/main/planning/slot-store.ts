import { z } from 'zod';
import { PLATFORMS, type Platform } from '../../shared/domain/platform';
import { type WeeklySlot, weeklySlotSchema } from '../../shared/domain/planning';
import type { AppDatabase, Db, Tx } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';

export const SLOTS_KEY = 'planning.slots';

/** The stored document: each platform the creator customised → its weekly slots. */
const storedSlotsSchema = z.partialRecord(z.enum(PLATFORMS), z.array(weeklySlotSchema).min(1));
type StoredSlots = z.infer<typeof storedSlotsSchema>;

/**
 * The creator's own slot lists in `settings` under 'planning.slots'. An unreadable document is
 * logged and ignored (the suggested slots apply) rather than blocking the calendar.
 */
export class SlotStore {
  constructor(
    private readonly database: AppDatabase,
    private readonly clock: ClockPort,
    private readonly logger: Logger,
  ) {}

  async all(tx: Db | Tx = this.database.db): Promise<StoredSlots> {
    const row = await tx.selectFrom('settings').select('value').where('key', '=', SLOTS_KEY).executeTakeFirst();
    if (!row) return {};
    try {
      const parsed = storedSlotsSchema.safeParse(JSON.parse(row.value));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: treated as no custom slots
    }
    this.logger.warn('planning: unreadable custom slots; using the suggested slots');
    return {};
  }

  async get(platform: Platform): Promise<WeeklySlot[] | null> {
    return (await this.all())[platform] ?? null;
  }

  /** Replaces one platform's list (null removes it), keeping the others; read and write in one transaction. */
  async save(platform: Platform, slots: readonly WeeklySlot[] | null): Promise<void> {
    await this.database.transaction(async (tx) => {
      const next: StoredSlots = { ...(await this.all(tx)) };
      if (slots === null) delete next[platform];
      else next[platform] = slots.map(({ weekday, hour, minute }) => ({ weekday, hour, minute }));
      const value = JSON.stringify(next);
      const now = this.clock.now().toISOString();
      await tx
        .insertInto('settings')
        .values({ key: SLOTS_KEY, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    });
  }
}
