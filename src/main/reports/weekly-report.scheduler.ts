import { Cron } from 'croner';
import type { ReportSchedule } from '../../shared/contract/reports';
import type { ClockPort } from '../platform/clock/types';
import type { Logger } from '../platform/logger/logger';
import type { NotificationsPort } from '../platform/notifications/types';
import { cronPattern, mostRecentRun } from './report-dates';
import { formatCount, formatRate } from './report-format';
import type { GeneratedReport } from './reports.service';

export interface WeeklySchedulerDeps {
  clock: ClockPort;
  logger: Logger;
  notifications: NotificationsPort;
  schedule(): Promise<ReportSchedule>;
  /** The creator's time zone, or null before onboarding (nothing is scheduled then). */
  timezone(): Promise<string | null>;
  /** When the newest weekly report was made, and when the creator onboarded (ISO instants). */
  newestWeeklyAt(): Promise<string | null>;
  profileCreatedAt(): Promise<string | null>;
  generateWeekly(): Promise<GeneratedReport>;
}

export const WEEKLY_NOTIFICATION_TITLE = 'Your weekly report is ready';

/** The notification's text: the week and its headline figures, never post text. */
export function weeklyNotificationBody({ model }: GeneratedReport): string {
  if (model.posts.length === 0) return `${model.rangeLabel}: no posts were published that week.`;
  const total = (metric: string): number | null => model.totals.find((t) => t.metric === metric)?.value ?? null;
  const parts = [`${formatCount(model.postsPublished)} ${model.postsPublished === 1 ? 'post' : 'posts'}`];
  if (total('impressions') !== null) parts.push(`${formatCount(total('impressions'))} impressions`);
  if (total('engagement_rate') !== null) parts.push(`engagement rate ${formatRate(total('engagement_rate'))}`);
  return `${model.rangeLabel}: ${parts.join(', ')}. Download the PDF or CSV in Analytics.`;
}

/**
 * Makes the weekly report at the creator's chosen weekday and hour (croner only triggers; the
 * date logic is in report-dates.ts), and once at start when the app was closed at that time.
 * Its timer is unref'd and stopped on close, so it never keeps a process alive.
 */
export class WeeklyReportScheduler {
  private job: Cron | null = null;
  private work: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: WeeklySchedulerDeps) {}

  /** Plans the live job and runs the catch-up once. */
  start(): void {
    this.enqueue(async () => {
      await this.plan();
      await this.catchUp();
    });
  }

  /** Re-plans after the schedule or the time zone changed. */
  replan(): void {
    this.enqueue(() => this.plan());
  }

  /** Resolves when queued planning and generation are done (tests, close). */
  async idle(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.work;
      await current;
    } while (current !== this.work);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopJob();
    await this.idle();
  }

  /** When the live job next fires (for logs and tests), or null when nothing is planned. */
  nextRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /**
   * Generates the weekly report now if the most recent scheduled time passed without one: the
   * newest weekly report (or, before any, the onboarding) is older than that time.
   */
  async catchUp(): Promise<GeneratedReport | null> {
    const timezone = await this.deps.timezone();
    if (timezone === null) return null;
    const due = mostRecentRun(await this.deps.schedule(), this.deps.clock.now(), timezone);
    if (due === null) return null;
    const since = (await this.deps.newestWeeklyAt()) ?? (await this.deps.profileCreatedAt());
    if (since === null || Date.parse(since) >= due.getTime()) return null;
    this.deps.logger.info({ due: due.toISOString() }, 'weekly report missed while the app was closed; making it now');
    return this.runWeekly();
  }

  private async plan(): Promise<void> {
    this.stopJob();
    if (this.closed) return;
    const [schedule, timezone] = [await this.deps.schedule(), await this.deps.timezone()];
    if (!schedule.enabled || timezone === null || this.closed) return;
    this.job = new Cron(
      cronPattern(schedule),
      { timezone, unref: true, protect: true, catch: (error) => this.logFailure(error) },
      () => {
        this.enqueue(() => this.runWeekly());
      },
    );
    this.deps.logger.info({ next: this.job.nextRun()?.toISOString() ?? null }, 'weekly report planned');
  }

  private async runWeekly(): Promise<GeneratedReport> {
    const report = await this.deps.generateWeekly();
    this.deps.notifications.notify({ title: WEEKLY_NOTIFICATION_TITLE, body: weeklyNotificationBody(report) });
    return report;
  }

  /** Runs tasks one after another, so a trigger and a catch-up never make the same week twice at once. */
  private enqueue(task: () => Promise<unknown>): void {
    this.work = this.work
      .then(() => (this.closed ? undefined : task()))
      .catch((error: unknown) => this.logFailure(error));
  }

  private stopJob(): void {
    this.job?.stop();
    this.job = null;
  }

  private logFailure(error: unknown): void {
    this.deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'weekly report failed');
  }
}
