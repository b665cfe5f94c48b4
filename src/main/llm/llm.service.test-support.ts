import { Dispatcher } from '../contract/dispatcher';
import type { Handlers } from '../contract/handlers';
import type { EventMap, EventName } from '../../shared/contract';
import type { LlmSettingsPatch } from '../../shared/domain/llm';
import { createLogger } from '../platform/logger/logger';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { llmHandlers } from './llm.handlers';
import { LlmService, type LlmServiceDeps } from './llm.service';
import type { LlmProvider, ProviderId } from './provider';
import type { StoredUsage } from './usage/usage.repository';

export interface LlmHarness {
  t: TestCore;
  llm: LlmService;
  /** The llm handlers behind a real dispatcher: inputs parsed, errors as contract envelopes. */
  dispatcher: Dispatcher;
  events: { name: EventName; payload: EventMap[EventName] }[];
  /** Every llm_usage row, oldest first. */
  usageRows(): Promise<StoredUsage[]>;
  dispose(): Promise<void>;
}

/** A real core on a temp SQLite file with an LlmService built on its database, clock and bus. */
export async function startLlm(
  providers: Partial<Record<ProviderId, LlmProvider>>,
  options: Partial<Omit<LlmServiceDeps, 'database' | 'clock' | 'events' | 'providers'>> & {
    settings?: LlmSettingsPatch;
    now?: string;
  } = {},
): Promise<LlmHarness> {
  const t = await createTestCore(options.now ? { now: options.now } : {});
  const events: LlmHarness['events'] = [];
  t.core.events.onAny((name, payload) => events.push({ name, payload }));
  const llm = new LlmService({
    database: t.core.database,
    clock: t.clock,
    events: t.core.events,
    providers,
    priceOf: options.priceOf ?? (() => ({ inPerM: 1, outPerM: 2 })),
    hasCloudKey: options.hasCloudKey ?? (async () => true),
    ...(options.breaker ? { breaker: options.breaker } : {}),
  });
  if (options.settings) await llm.saveSettings(options.settings);
  // Only llm channels are invoked in these tests; the lead wires the full map in createCore.
  const dispatcher = new Dispatcher(llmHandlers(llm) as Handlers, createLogger());
  return {
    t,
    llm,
    dispatcher,
    events,
    usageRows: async () => {
      const ids = await t.core.database.db.selectFrom('llm_usage').select('id').orderBy('id').execute();
      const rows = await Promise.all(ids.map((r) => llm.usage.findById(r.id)));
      return rows.filter((r): r is StoredUsage => r !== null);
    },
    dispose: () => t.dispose(),
  };
}
