import { type CoachPreferences, coachPreferencesSchema, DEFAULT_COACH_PREFERENCES } from '../../shared/domain/coach';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import type { CoachRepository } from './coach.repository';

export const PREFERENCES_KEY = 'coach.preferences';

/** The coach's preferences in `settings`; an unreadable document falls back to the defaults. */
export class CoachPreferencesStore {
  constructor(
    private readonly repository: CoachRepository,
    private readonly clock: ClockPort,
    private readonly logger: Logger,
  ) {}

  async get(): Promise<CoachPreferences> {
    const raw = await this.repository.setting(PREFERENCES_KEY);
    if (raw === null) return { ...DEFAULT_COACH_PREFERENCES };
    try {
      const parsed = coachPreferencesSchema.partial().safeParse(JSON.parse(raw));
      if (parsed.success) return { ...DEFAULT_COACH_PREFERENCES, ...parsed.data };
    } catch {
      // fall through to the defaults below
    }
    this.logger.warn('unreadable coach preferences; using the defaults (sharing off)');
    return { ...DEFAULT_COACH_PREFERENCES };
  }

  async save(patch: Partial<CoachPreferences>): Promise<CoachPreferences> {
    const next = { ...(await this.get()), ...patch };
    await this.repository.saveSetting(PREFERENCES_KEY, JSON.stringify(next), this.clock.now().toISOString());
    return next;
  }
}
