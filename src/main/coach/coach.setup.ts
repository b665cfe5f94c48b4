import type { HandlerSlice } from '../contract/handlers';
import type { AnalyticsDomain } from '../analytics/analytics.setup';
import type { DomainDeps } from '../domain-deps';
import { analyticsPort } from './analytics-adapter';
import { coachHandlers } from './coach.handlers';
import { CoachService } from './coach.service';

/** The coach domain as the core wires it: its handlers and its lifecycle. */
export interface CoachDomain {
  service: CoachService;
  handlers: HandlerSlice<'coach'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

const FIRST_CHECK_MS = 15_000;
const CHECK_EVERY_MS = 60 * 60_000;
const EVENT_DEBOUNCE_MS = 2_000;

export function createCoach(deps: DomainDeps, analytics: AnalyticsDomain): CoachDomain {
  const service = new CoachService(deps, analyticsPort(analytics.service));
  const timers = new Set<NodeJS.Timeout>();
  let debounce: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let running: Promise<unknown> = Promise.resolve();

  // One background job at a time, and a failure is logged, never thrown into a timer.
  const run = (what: string, job: () => Promise<unknown>) => {
    running = running.then(job).catch((err: unknown) => deps.ports.logger.warn({ err }, `coach: ${what} failed`));
  };

  return {
    service,
    handlers: coachHandlers(service),
    start: () => {
      const first = setTimeout(() => run('daily check', () => service.dailyCheck()), FIRST_CHECK_MS);
      const hourly = setInterval(() => run('daily check', () => service.dailyCheck()), CHECK_EVERY_MS);
      for (const t of [first, hourly]) {
        t.unref();
        timers.add(t);
      }
      unsubscribe = deps.events.onAny((event) => {
        if (event !== 'posts:changed' && event !== 'analytics:changed') return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(
          () => run('intervention check', () => service.interventions.evaluate()),
          EVENT_DEBOUNCE_MS,
        );
        debounce.unref();
      });
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      if (debounce) clearTimeout(debounce);
      unsubscribe?.();
      await running;
    },
  };
}
