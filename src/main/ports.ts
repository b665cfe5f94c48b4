import type { ClockPort } from './platform/clock/types';
import type { Logger } from './platform/logger/logger';
import type { NotificationsPort } from './platform/notifications/types';
import type { SecretsPort } from './platform/secrets/types';
import type { UpdaterPort } from './platform/updater/types';

/** Everything the core needs from its host (Electron, the headless host, or a test). */
export interface CorePorts {
  /** The folder that holds cadence.db, logs/ and model files. */
  dataDir: string;
  /** The JSON-lines log file the logger writes; Diagnostics shows its tail. */
  logFile: string;
  clock: ClockPort;
  logger: Logger;
  secrets: SecretsPort;
  notifications: NotificationsPort;
  /** Desktop only; absent in the headless host. */
  updater?: UpdaterPort;
  mode: 'desktop' | 'browser';
  /** Extra versions shown in Diagnostics (electron, chrome). */
  versions?: Record<string, string>;
}
