import { join } from 'node:path';
import { EventBus } from '../contract/event-bus';
import { systemClock } from '../platform/clock/system';
import { createLogger } from '../platform/logger/logger';
import { EventNotifications } from '../platform/notifications/event';
import { EncryptedFileSecrets } from '../platform/secrets/encrypted-file';
import type { CorePorts } from '../ports';

/** Ports for the headless host: encrypted-file secrets, notifications pushed to the browser. */
export function createHostPorts(dataDir: string): { ports: CorePorts; events: EventBus } {
  const logFile = join(dataDir, 'logs', 'cadence.log');
  const logger = createLogger({ file: logFile });
  const events = new EventBus();
  return {
    events,
    ports: {
      dataDir,
      logFile,
      clock: systemClock,
      logger,
      secrets: new EncryptedFileSecrets({ dataDir }),
      notifications: new EventNotifications(events, logger),
      mode: 'browser',
    },
  };
}
