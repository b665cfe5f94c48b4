import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, createCore } from '../../src/main/core';
import { ManualClock } from '../../src/main/platform/clock/memory';
import { createLogger } from '../../src/main/platform/logger/logger';
import { MemorySecrets } from '../../src/main/platform/secrets/memory';
import type { NotificationMessage } from '../../src/main/platform/notifications/types';
import type { LlmEngineOptions } from '../../src/main/llm/llm.setup';
import type { DomainDeps } from '../../src/main/domain-deps';

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  notifications: NotificationMessage[];
  /** Closes the core and removes the data folder. */
  dispose(): Promise<void>;
}

/** A real core on a real SQLite file in a fresh temp folder, with a hand-moved clock. */
export async function createTestCore(
  options: { dataDir?: string; now?: string; llm?: LlmEngineOptions } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cadence-test-'));
  const clock = new ManualClock(options.now ?? '2026-11-25T10:00:00.000Z');
  const notifications: NotificationMessage[] = [];
  const logFile = join(dataDir, 'logs', 'cadence.log');
  const core = await createCore(
    {
      dataDir,
      logFile,
      clock,
      logger: createLogger({ file: logFile, level: 'info' }),
      secrets: new MemorySecrets(),
      notifications: { notify: (message) => notifications.push(message) },
      mode: 'browser',
    },
    { llm: options.llm ?? { ollama: 'off', embedded: 'off' } },
  );
  return {
    core,
    clock,
    dataDir,
    notifications,
    dispose: async () => {
      await core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The dependencies a domain is built from, taken from a test core (for building one domain by hand). */
export function domainDepsOf(t: TestCore, overrides: Partial<DomainDeps> = {}): DomainDeps {
  return {
    ports: t.core.ports,
    database: t.core.database,
    events: t.core.events,
    llm: t.core.services.llm,
    posts: t.core.services.posts,
    profile: t.core.services.profile,
    ...overrides,
  };
}
