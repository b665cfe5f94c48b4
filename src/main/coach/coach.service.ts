import type { Cohort, CoachPreferences, ProgressExport } from '../../shared/domain/coach';
import type { Platform } from '../../shared/domain/platform';
import { engagementsOf, exposureOf } from '../analytics/math/engagement';
import type { DomainDeps } from '../domain-deps';
import type { CoachAnalyticsPort } from './coach-analytics.port';
import { CoachDataReader } from './coach-data.reader';
import { CoachPreferencesStore } from './coach-preferences';
import { CoachRepository } from './coach.repository';
import { cohortFor } from './cohort/cohort';
import { GoalStatusService } from './goal/goal-status.service';
import { InterventionsService } from './interventions/interventions.service';
import { localDay, mondayOf, shiftDay, startOfLocalDay } from './local-day';
import { progressMarkdown, type RecentWeek } from './progress-export';
import { TodayPlanService } from './today/today-plan.service';

export const AGGREGATES_UNAVAILABLE = 'Needs the Cadence sync service (not set up on this device)';
const DAILY_NOTIFIED_KEY = 'coach.daily-plan-notified';

/** The success coach: goal status, today's plan, interventions, cohort and the progress export. */
export class CoachService {
  readonly repository: CoachRepository;
  readonly reader: CoachDataReader;
  readonly preferences: CoachPreferencesStore;
  readonly goal: GoalStatusService;
  readonly today: TodayPlanService;
  readonly interventions: InterventionsService;

  constructor(
    private readonly deps: DomainDeps,
    private readonly analytics: CoachAnalyticsPort,
  ) {
    this.repository = new CoachRepository(deps.database.db);
    this.reader = new CoachDataReader(deps.database.db);
    this.preferences = new CoachPreferencesStore(this.repository, deps.ports.clock, deps.ports.logger);
    this.goal = new GoalStatusService({
      deps,
      reader: this.reader,
      repository: this.repository,
      preferences: this.preferences,
      analytics,
    });
    this.today = new TodayPlanService({
      deps,
      reader: this.reader,
      repository: this.repository,
      analytics,
      goal: this.goal,
    });
    this.interventions = new InterventionsService(deps, this.reader, this.repository);
  }

  async savePreferences(patch: Partial<CoachPreferences>): Promise<CoachPreferences> {
    const saved = await this.preferences.save(patch);
    this.deps.events.emit('coach:changed', { reason: 'preferences' });
    return saved;
  }

  /** Engagement per platform against published benchmarks; aggregates honestly unavailable. */
  async cohort(): Promise<Cohort> {
    const since = new Date(this.deps.ports.clock.now().getTime() - 90 * 86_400_000).toISOString();
    const [publications, followerDays, accounts, prefs] = await Promise.all([
      this.reader.publications(since),
      this.reader.followerDays(),
      this.reader.accounts(),
      this.preferences.get(),
    ]);
    const latest = new Map(followerDays.map((f) => [f.accountId, f.followers]));
    const platforms = [
      ...new Set<Platform>([...accounts.map((a) => a.platform), ...publications.map((p) => p.platform)]),
    ].sort();
    return {
      platforms: platforms.map((platform) => {
        const known = accounts.filter((a) => a.platform === platform && latest.has(a.id));
        const followers = known.length === 0 ? null : known.reduce((s, a) => s + (latest.get(a.id) ?? 0), 0);
        return cohortFor(
          platform,
          publications.filter((p) => p.platform === platform),
          followers,
        );
      }),
      aggregates: { available: false, consent: prefs.shareAggregates, reason: AGGREGATES_UNAVAILABLE },
    };
  }

  async exportProgress(): Promise<ProgressExport> {
    const status = await this.goal.status();
    const profile = await this.deps.profile.get();
    const tz = profile?.timezone ?? 'UTC';
    const today = localDay(this.deps.ports.clock.now(), tz);
    const factors = await this.analytics.successFactors();
    return progressMarkdown({
      today,
      niche: profile?.niche ?? '',
      status,
      factors,
      weeks: await this.recentWeeks(today, tz, 4),
    });
  }

  /**
   * The daily check: makes today's plan once per local day and says so (if the creator wants
   * the notification), then re-evaluates interventions. Quiet before onboarding.
   */
  async dailyCheck(): Promise<void> {
    const profile = await this.deps.profile.get();
    if (!profile) return;
    await this.interventions.evaluate();
    const today = localDay(this.deps.ports.clock.now(), profile.timezone);
    if ((await this.repository.setting(DAILY_NOTIFIED_KEY)) === JSON.stringify(today)) return;
    const plan = await this.today.get({ regenerate: false });
    await this.repository.saveSetting(
      DAILY_NOTIFIED_KEY,
      JSON.stringify(today),
      this.deps.ports.clock.now().toISOString(),
    );
    if ((await this.preferences.get()).notifyDailyPlan) {
      this.deps.ports.notifications.notify({ title: "Today's plan is ready", body: plan.goalLine });
    }
  }

  private async recentWeeks(today: string, tz: string, count: number): Promise<RecentWeek[]> {
    const firstWeek = shiftDay(mondayOf(today), -7 * (count - 1));
    const pubs = await this.reader.publications(startOfLocalDay(firstWeek, tz));
    const weeks = Array.from({ length: count }, (_, i) => shiftDay(firstWeek, 7 * i));
    return weeks.map((weekStart) => {
      const mine = pubs.filter((p) => mondayOf(localDay(p.publishedAt, tz)) === weekStart);
      let engagements = 0;
      let exposure = 0;
      for (const p of mine) {
        const x = exposureOf(p.platform, p);
        if (!x) continue;
        engagements += engagementsOf(p.platform, p);
        exposure += x.value;
      }
      return {
        weekStart,
        posts: new Set(mine.map((p) => p.postId)).size,
        engagementRate: exposure > 0 ? engagements / exposure : null,
      };
    });
  }
}
