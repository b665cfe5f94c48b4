import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { analyticsHandlers } from './analytics.handlers';
import { AnalyticsService } from './analytics.service';

/** The analytics domain as the core wires it: its handlers and its lifecycle. */
export interface AnalyticsDomain {
  service: AnalyticsService;
  handlers: HandlerSlice<'analytics'>;
  /** Starts background work (timers); the core calls it once after wiring. */
  start(): void;
  close(): Promise<void>;
}

/** When anomaly scans run; tests shorten these. */
export interface AnalyticsTimings {
  /** After startup, so the first window paints before the scan reads the database. */
  startupDelayMs?: number;
  intervalMs?: number;
  /** An import emits analytics:changed once per batch; wait for the burst to end. */
  debounceMs?: number;
}

export function createAnalytics(deps: DomainDeps, timings: AnalyticsTimings = {}): AnalyticsDomain {
  const { startupDelayMs = 15_000, intervalMs = 3_600_000, debounceMs = 5_000 } = timings;
  const service = new AnalyticsService(deps);
  const timers = new Set<NodeJS.Timeout>();
  let debounce: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  // Scans never overlap: each waits for the previous one. A failed scan is logged and retried next time.
  const scan = (): void => {
    if (closed) return;
    running = running.then(async () => {
      if (closed) return;
      try {
        await service.scanAnomalies();
      } catch (error) {
        deps.ports.logger.warn({ err: error }, 'analytics: anomaly scan failed');
      }
    });
  };

  return {
    service,
    handlers: analyticsHandlers(service),
    start: () => {
      const first = setTimeout(scan, startupDelayMs);
      first.unref();
      const hourly = setInterval(scan, intervalMs);
      hourly.unref();
      timers.add(first).add(hourly);
      unsubscribe = deps.events.onAny((event) => {
        if (event !== 'analytics:changed' || closed) return;
        if (debounce) clearTimeout(debounce);
        debounce = setTimeout(scan, debounceMs);
        debounce.unref();
      });
    },
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      if (debounce) clearTimeout(debounce);
      unsubscribe?.();
      await running;
    },
  };
}
