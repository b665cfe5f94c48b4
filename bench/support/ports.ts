import { join } from 'node:path';
import type { CorePorts } from '../../src/main/ports';
import { ManualClock } from '../../src/main/platform/clock/memory';
import { createLogger } from '../../src/main/platform/logger/logger';
import { MemorySecrets } from '../../src/main/platform/secrets/memory';
import { FIXTURE_NOW } from './posts-fixture';

/**
 * Ports as the app builds them, minus the OS: a hand-set clock, the real JSON-lines file
 * logger (every contract call is logged, as in the app) and in-memory secrets.
 */
export function benchPorts(dataDir: string, now = FIXTURE_NOW): CorePorts {
  const logFile = join(dataDir, 'logs', 'cadence.log');
  return {
    dataDir,
    logFile,
    clock: new ManualClock(now),
    logger: createLogger({ file: logFile, level: 'info' }),
    secrets: new MemorySecrets(),
    notifications: { notify: () => undefined },
    mode: 'browser',
  };
}
