import { ContractError } from '../../../shared/contract/errors';
import type { GoalMetric, GoalStatus, Milestone, SeriesPoint } from '../../../shared/domain/coach';
import type { Profile } from '../../../shared/domain/profile';
import { type Streak, weeklyStreak } from '../../analytics/math/streak';
import { ZoneClock } from '../../analytics/zone-clock';
import type { DomainDeps } from '../../domain-deps';
import type { CoachAnalyticsPort } from '../coach-analytics.port';
import type { CoachDataReader } from '../coach-data.reader';
import type { CoachPreferencesStore } from '../coach-preferences';
import type { CoachRepository, GoalRow, MilestoneRow } from '../coach.repository';
import { dayRange, daysBetween, localDay, shiftDay } from '../local-day';
import { type Goal, neededPath, neededValue } from '../../analytics/math/milestones';
import { FIT_WINDOW_DAYS, goalForecast } from './goal-forecast';
import {
  CUMULATIVE_METRICS,
  dailyValues,
  METRIC_DEFINITIONS,
  METRIC_UNITS,
  type MetricInputs,
  targetInSeriesUnits,
} from './metric-series';
import { hasReached, type PlannedMilestone, planMilestones } from './milestone-plan';
import { streakDays } from './streak-days';
import { bestFormats, successPath } from './success-path';

export interface GoalStatusDeps {
  deps: DomainDeps;
  reader: CoachDataReader;
  repository: CoachRepository;
  preferences: CoachPreferencesStore;
  analytics: CoachAnalyticsPort;
}

/**
 * Where the creator stands on the profile's goal. Computing the status also keeps `coach_goal`
 * in step with the profile (a changed goal starts over) and marks milestones reached.
 */
export class GoalStatusService {
  /** Kept while the zone stays the same, so its per-hour offset cache serves every call. */
  private zoneClock: ZoneClock | null = null;
  private keptStreak: { key: string; value: Streak } | null = null;

  constructor(private readonly d: GoalStatusDeps) {}

  private zone(timezone: string): ZoneClock {
    if (this.zoneClock?.timezone !== timezone) this.zoneClock = new ZoneClock(timezone);
    return this.zoneClock;
  }

  async status(): Promise<GoalStatus> {
    const profile = await this.d.deps.profile.get();
    if (!profile) throw new ContractError('NOT_FOUND', 'Set up your profile and goal first (onboarding).');
    const now = this.d.deps.ports.clock.now();
    const tz = profile.timezone;
    const today = localDay(now, tz);
    const { metric, deadline } = profile.goal;
    const goal = await this.trackedGoal(profile, now);
    const target = targetInSeriesUnits(metric, profile.goal.target);
    const startDay = localDay(goal.started_at, tz);
    const fitFrom = shiftDay(today, -(FIT_WINDOW_DAYS - 1));
    const from = startDay < fitFrom ? startDay : fitFrom;
    const inputs = await this.inputs(metric, from);
    const daily = dailyValues(metric, inputs, { from, to: today, startDay, timezone: tz });
    const at = new Map(daily.days.map((day, i) => [day, daily.values[i] ?? null]));

    const cumulative = CUMULATIVE_METRICS.has(metric);
    const baseline = cumulative ? 0 : baselineOf(daily.days, daily.values, startDay);
    const current = lastKnown(daily.values) ?? baseline;
    const seriesFrom = cumulative ? startDay : from;
    const series: SeriesPoint[] = daily.days
      .map((date) => ({ date, value: at.get(date) ?? null }))
      .filter((p): p is SeriesPoint => p.value !== null && p.date >= seriesFrom);

    // A goal whose deadline came before its start (clock moved back) is treated as due on its start day.
    const plan: Goal = { baseline, target, startDate: startDay, deadline: deadline < startDay ? startDay : deadline };
    const needed = neededPath(plan, dayRange(startDay, plan.deadline));
    const neededToday = neededValue(plan, today);

    const fitValues = fitWindow(daily.days, daily.values, fitFrom, metric === 'engagement_rate');
    const horizon = daysBetween(today, deadline);
    const forecast = goalForecast(metric, fitValues, today, horizon, target);

    const planned = planMilestones(plan);
    const milestones = await this.updateMilestones(current, baseline, target, planned, now.toISOString());
    const factors = await this.d.analytics.successFactors();
    const path = successPath({
      metric,
      goal: plan,
      today,
      current,
      postsPerWeek: profile.cadence.postsPerWeek,
      formats: bestFormats(factors.factors),
    });
    const s = await this.streak(tz, profile.cadence.postsPerWeek, today);
    const span = target - baseline;
    return {
      goal: { metric, target, deadline, startedAt: goal.started_at },
      definition: METRIC_DEFINITIONS[metric],
      unit: METRIC_UNITS[metric],
      baseline,
      current,
      progressPercent: span === 0 ? null : ((current - baseline) / span) * 100,
      daysLeft: horizon,
      series,
      needed,
      neededToday,
      forecast,
      milestones,
      uncelebrated: milestones.filter((m) => m.reachedAt !== null && m.celebratedAt === null),
      successPath: path,
      streak: {
        current: s.current,
        best: s.best,
        unit: 'weeks',
        thisWeek: { published: s.thisWeek, target: profile.cadence.postsPerWeek },
      },
    };
  }

  async acknowledge(id: number): Promise<Milestone> {
    const existing = (await this.d.repository.milestones()).find((m) => m.id === id);
    if (!existing) throw new ContractError('NOT_FOUND', 'That milestone is not part of the current goal.');
    if (existing.reached_at === null) throw new ContractError('CONFLICT', 'That milestone has not been reached yet.');
    const row = await this.d.repository.markCelebrated(id, this.d.deps.ports.clock.now().toISOString());
    if (!row) throw new ContractError('NOT_FOUND', 'That milestone is not part of the current goal.');
    this.d.deps.events.emit('coach:changed', { reason: 'milestone-acknowledged' });
    return toMilestone(row);
  }

  /**
   * The cadence streak over the whole publishing history, kept until anything is written to the
   * database (or the zone, target or day change): years of posts, unchanged between two visits
   * of the goal page, need no second pass.
   */
  private async streak(tz: string, perWeek: number, today: string): Promise<Streak> {
    const key = `${await this.d.reader.changeVersion()}|${tz}|${perWeek}|${today}`;
    if (this.keptStreak?.key === key) return this.keptStreak.value;
    // Read after the version: a write in between only makes the next call compute again.
    const publishedAt = await this.d.reader.firstPublishedAt();
    const value = weeklyStreak({
      publishedAt: streakDays(publishedAt, this.zone(tz), today, perWeek),
      timezone: tz,
      perWeek,
      today,
    });
    this.keptStreak = { key, value };
    return value;
  }

  /**
   * What the metric's daily values from `fromDay` on need, and nothing else: a followers goal
   * reads no publication counts, and follower days only from `fromDay` (with each account's level
   * before it), not the whole history. Metrics built from publications keep all of them, since
   * their first data day and cumulative offsets look back before the range.
   */
  private async inputs(metric: GoalMetric, fromDay: string): Promise<MetricInputs> {
    const needs = (...metrics: GoalMetric[]) => metrics.includes(metric);
    return {
      publications: needs('impressions', 'engagement_rate', 'posts_published')
        ? await this.d.reader.publications()
        : [],
      followerDays: needs('followers', 'engagement_rate') ? await this.d.reader.followerDaysFrom(fromDay) : [],
      revenue: needs('revenue') ? await this.d.reader.revenue() : [],
    };
  }

  /**
   * The goal being coached. A profile goal that differs from the tracked one starts a new goal
   * now with fresh milestones; the very first goal starts when the profile was created.
   */
  private async trackedGoal(profile: Profile, now: Date): Promise<GoalRow> {
    const tracked = await this.d.repository.goal();
    const { metric, target, deadline } = profile.goal;
    if (tracked && tracked.metric === metric && tracked.target === target && tracked.deadline === deadline)
      return tracked;
    const startedAt = tracked ? now.toISOString() : ((await this.d.reader.profileCreatedAt()) ?? now.toISOString());
    const startDay = localDay(startedAt, profile.timezone);
    const today = localDay(now, profile.timezone);
    const inputs = await this.inputs(metric, startDay);
    const daily = dailyValues(metric, inputs, { from: startDay, to: today, startDay, timezone: profile.timezone });
    const baseline = CUMULATIVE_METRICS.has(metric) ? 0 : baselineOf(daily.days, daily.values, startDay);
    const planned = planMilestones({
      baseline,
      target: targetInSeriesUnits(metric, target),
      startDate: startDay,
      deadline: deadline < startDay ? startDay : deadline,
    });
    const goal = { metric, target, deadline, started_at: startedAt };
    await this.d.deps.database.transaction(async (tx) => {
      await this.d.repository.replaceGoal(
        goal,
        planned.map((m) => ({ fraction: m.fraction, value: m.value, due_date: m.dueDate })),
        tx,
      );
    });
    this.d.deps.ports.logger.info({ metric, deadline }, 'coach: tracking a new goal');
    return { id: 1, ...goal };
  }

  /** Marks milestones the current value has reached (once), then announces each after the commit. */
  private async updateMilestones(
    current: number,
    baseline: number,
    target: number,
    planned: PlannedMilestone[],
    nowIso: string,
  ): Promise<Milestone[]> {
    const reached: MilestoneRow[] = [];
    const rows = await this.d.deps.database.transaction(async (tx, onCommit) => {
      let existing = await this.d.repository.milestones(tx);
      // History imported after the goal started moves its baseline: re-plan while nothing is reached.
      if (existing.every((m) => m.reached_at === null) && !samePlan(existing, planned)) {
        await this.d.repository.replaceMilestones(
          planned.map((m) => ({ fraction: m.fraction, value: m.value, due_date: m.dueDate })),
          tx,
        );
        existing = await this.d.repository.milestones(tx);
      }
      for (const m of existing) {
        if (m.reached_at !== null || !hasReached(current, m.value, baseline, target)) continue;
        if (await this.d.repository.markReached(m.id, nowIso, tx)) reached.push(m);
      }
      if (reached.length > 0) onCommit(() => this.d.deps.events.emit('coach:changed', { reason: 'milestone-reached' }));
      return this.d.repository.milestones(tx);
    });
    if (reached.length > 0) await this.celebrate(reached);
    return rows.map(toMilestone);
  }

  private async celebrate(reached: MilestoneRow[]): Promise<void> {
    const prefs = await this.d.preferences.get();
    for (const m of reached) {
      this.d.deps.events.emit('coach:milestone', { id: m.id, fraction: m.fraction, value: m.value });
      if (prefs.notifyMilestones) {
        this.d.deps.ports.notifications.notify({
          title:
            m.fraction >= 1 ? 'Goal reached!' : `Milestone reached: ${Math.round(m.fraction * 100)} % of your goal`,
          body: `You passed ${formatValue(m.value)} on your way to the goal. Open Cadence to celebrate.`,
        });
      }
    }
  }
}

function samePlan(rows: readonly MilestoneRow[], planned: readonly PlannedMilestone[]): boolean {
  return (
    rows.length === planned.length &&
    rows.every((r, i) => {
      const p = planned[i] as PlannedMilestone;
      return r.fraction === p.fraction && Math.abs(r.value - p.value) < 1e-9 && r.due_date === p.dueDate;
    })
  );
}

function toMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    fraction: row.fraction,
    value: row.value,
    dueDate: row.due_date,
    reachedAt: row.reached_at,
    celebratedAt: row.celebrated_at,
  };
}

function formatValue(v: number): string {
  return Math.abs(v) < 1 ? `${(v * 100).toFixed(2)} %` : Math.round(v).toLocaleString('en-US');
}

/** The value on the start day; else the first value after it; else 0 (no data at all yet). */
function baselineOf(days: readonly string[], values: readonly (number | null)[], startDay: string): number {
  for (let i = 0; i < days.length; i++) {
    if ((days[i] as string) >= startDay && values[i] !== null && values[i] !== undefined) return values[i] as number;
  }
  return 0;
}

function lastKnown(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--)
    if (values[i] !== null && values[i] !== undefined) return values[i] as number;
  return null;
}

/**
 * The values the forecast is fitted on: the last FIT_WINDOW_DAYS days that have data. For a rate,
 * only the unbroken run up to today (the trend model needs every day).
 */
function fitWindow(
  days: readonly string[],
  values: readonly (number | null)[],
  fitFrom: string,
  contiguous: boolean,
): number[] {
  const out: number[] = [];
  for (let i = values.length - 1; i >= 0 && (days[i] as string) >= fitFrom; i--) {
    const v = values[i];
    if (v === null || v === undefined) {
      if (contiguous) break;
      continue;
    }
    out.push(v);
  }
  return out.reverse();
}
