import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { ContractError } from '../../shared/contract/errors';
import type { Profile } from '../../shared/domain/profile';
import type { EventBus } from '../contract/event-bus';
import type { AppDatabase } from '../db/database';
import type { ClockPort } from '../platform/clock/types';
import { ProfileRepository } from './profile.repository';

/** The creator's profile, goal and posting cadence, set in onboarding and Settings. */
export class ProfileService {
  readonly repository: ProfileRepository;

  constructor(
    database: AppDatabase,
    private readonly clock: ClockPort,
    private readonly events: EventBus,
  ) {
    this.repository = new ProfileRepository(database.db);
  }

  get(): Promise<Profile | null> {
    return this.repository.get();
  }

  /** The goal's deadline must be after today in the creator's own time zone. */
  async save(profile: Profile): Promise<Profile> {
    const today = format(new TZDate(this.clock.now(), profile.timezone), 'yyyy-MM-dd');
    if (profile.goal.deadline <= today) {
      throw new ContractError('VALIDATION_FAILED', 'goal.deadline: The deadline must be in the future', {
        issues: [{ path: ['goal', 'deadline'], message: `The deadline must be after today (${today})` }],
      });
    }
    await this.repository.save(profile, this.clock.now().toISOString());
    this.events.emit('profile:changed', {});
    return profile;
  }
}
