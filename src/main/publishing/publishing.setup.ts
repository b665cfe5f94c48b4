import type { HandlerSlice } from '../contract/handlers';
import type { DomainDeps } from '../domain-deps';
import { MetricsCollector, type MetricsOptions } from './metrics/metrics-collector';
import { publishingHandlers } from './publishing.handlers';
import { PublishingService, type PublishingServiceOptions } from './publishing.service';
import { JobRepository } from './queue/job.repository';
import type { QueuePorts } from './queue/ports';
import { PublishRunner, type RunnerOptions } from './queue/publish-runner';

export interface PublishingOptions extends PublishingServiceOptions {
  /** Connectors and the accounts domain's tokens port; without them jobs are kept but not sent. */
  queue?: QueuePorts;
  runner?: RunnerOptions;
  metrics?: MetricsOptions;
}

/** The publishing domain as the core wires it: its handlers and its lifecycle. */
export interface PublishingDomain {
  service: PublishingService;
  handlers: HandlerSlice<'publishing'>;
  /** The runner sending jobs, once connectors and tokens are attached. */
  readonly runner: PublishRunner | null;
  /** The metrics collector, started and replaced together with the runner. */
  readonly metrics: MetricsCollector | null;
  /**
   * Attaches connectors and tokens and starts a runner (replacing any earlier one). `timer: false`
   * leaves the runner to be driven by hand (`runner.runDue()`), as tests do.
   */
  attach(ports: QueuePorts, options?: RunnerOptions & { timer?: boolean }): PublishRunner;
  /** Resolves when startup work (missed slots) is done. */
  ready(): Promise<void>;
  /** Resolves when the reactions to post changes so far (scheduling) are done. */
  settled(): Promise<void>;
  start(): void;
  close(): Promise<void>;
}

export function createPublishing(deps: DomainDeps, options: PublishingOptions = {}): PublishingDomain {
  const jobs = new JobRepository(deps.database.db);
  let runner: PublishRunner | null = null;
  let metrics: MetricsCollector | null = null;
  let ports: QueuePorts | null = options.queue ?? null;
  let startup: Promise<void> = Promise.resolve();
  let chain: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | null = null;
  const service = new PublishingService(
    deps,
    jobs,
    () => ports,
    () => runner?.wake(),
    options,
  );

  const attach: PublishingDomain['attach'] = (queuePorts, runnerOptions = {}) => {
    void runner?.stop();
    ports = queuePorts;
    const { timer = true, ...rest } = runnerOptions;
    runner = new PublishRunner(
      {
        database: deps.database,
        jobs,
        clock: deps.ports.clock,
        logger: deps.ports.logger,
        events: deps.events,
        notifications: deps.ports.notifications,
        dataDir: deps.ports.dataDir,
        ports: queuePorts,
      },
      { ...options.runner, ...rest },
    );
    void metrics?.stop();
    metrics = new MetricsCollector(
      {
        database: deps.database,
        clock: deps.ports.clock,
        logger: deps.ports.logger,
        events: deps.events,
        profile: deps.profile,
        ports: queuePorts,
      },
      options.metrics,
    );
    if (timer) {
      const started = runner;
      const collector = metrics;
      void startup.then(() => {
        started.startTimer();
        if (metrics === collector) collector.startTimer();
      });
    }
    return runner;
  };

  return {
    service,
    handlers: publishingHandlers(service, () => metrics),
    get runner() {
      return runner;
    },
    get metrics() {
      return metrics;
    },
    attach,
    ready: () => startup,
    settled: async () => {
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
    start: () => {
      // Scheduling a post through PostsService queues it: follow posts:changed (no change to posts/).
      unsubscribe = deps.events.onAny((event, payload) => {
        if (event !== 'posts:changed') return;
        const { ids, reason } = payload as { ids: string[]; reason: string };
        if (reason === 'published') return;
        chain = chain
          .then(async () => {
            for (const id of ids) await service.syncPost(id);
          })
          .catch((error: unknown) =>
            deps.ports.logger.error({ err: error }, 'publishing could not follow a post change'),
          );
      });
      startup = service.markMissed().then(
        () => undefined,
        (error: unknown) => deps.ports.logger.error({ err: error }, 'publishing could not check missed slots'),
      );
      if (options.queue) attach(options.queue);
    },
    close: async () => {
      unsubscribe?.();
      await startup;
      await chain;
      await runner?.stop();
      await metrics?.stop();
    },
  };
}
