import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { reportsHandlers } from './reports.handlers';
import { ReportsService } from './reports.service';
import { WeeklyReportScheduler } from './weekly-report.scheduler';

/** The reports domain as the core wires it: its handlers and its lifecycle. */
export interface ReportsDomain {
  service: ReportsService;
  scheduler: WeeklyReportScheduler;
  handlers: HandlerSlice<'reports'>;
  /** Plans the weekly report and catches up on one missed while the app was closed. */
  start(): void;
  close(): Promise<void>;
}

export function createReports(deps: DomainDeps, analytics: AnalyticsDomain): ReportsDomain {
  const service = new ReportsService(deps, analytics.service);
  const scheduler = new WeeklyReportScheduler({
    clock: deps.ports.clock,
    logger: deps.ports.logger,
    notifications: deps.ports.notifications,
    schedule: () => service.getSchedule(),
    timezone: async () => (await deps.profile.get())?.timezone ?? null,
    newestWeeklyAt: () => service.repository.newestWeeklyAt(),
    profileCreatedAt: () => service.repository.profileCreatedAt(),
    generateWeekly: () => service.generateReport({ kind: 'weekly' }),
  });
  service.onScheduleChanged(() => scheduler.replan());
  let unsubscribe: (() => void) | null = null;
  return {
    service,
    scheduler,
    handlers: reportsHandlers(service),
    start: () => {
      // A new time zone (or a first profile) moves the weekly run.
      unsubscribe = deps.events.onAny((event) => {
        if (event === 'profile:changed') scheduler.replan();
      });
      scheduler.start();
    },
    close: async () => {
      unsubscribe?.();
      await scheduler.close();
    },
  };
}
