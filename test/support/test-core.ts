import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, createCore } from '../../src/main/core';
import { ManualClock } from '../../src/main/platform/clock/memory';
import { createLogger } from '../../src/main/platform/logger/logger';
import { MemorySecrets } from '../../src/main/platform/secrets/memory';
import type { NotificationMessage } from '../../src/main/platform/notifications/types';
import type { LlmEngineOptions } from '../../src/main/llm/llm.setup';

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
