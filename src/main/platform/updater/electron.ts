import electronUpdater, { type AppUpdater, type ProgressInfo } from 'electron-updater';
import type { Logger } from '../logger/logger';
import type { UpdaterPort, UpdateState } from './types';

/**
 * Auto-update through electron-updater, reading the feed electron-builder wrote into
 * app-update.yml (publish: generic). Downloads as soon as an update is found and installs when the
 * app quits. Every failure becomes an `error` state: an updater problem must never crash the app.
 */
export class ElectronUpdater implements UpdaterPort {
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private last: UpdateState = { status: 'idle' };

  // electron-updater is CommonJS with a lazy getter; the default import is the reliable way to
  // reach it from an ES module bundle.
  constructor(
    private readonly logger: Logger,
    private readonly updater: AppUpdater = electronUpdater.autoUpdater,
  ) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.logger = {
      info: (message?: unknown) => logger.info({ updater: String(message) }, 'updater'),
      warn: (message?: unknown) => logger.warn({ updater: String(message) }, 'updater'),
      error: (message?: unknown) => logger.error({ updater: String(message) }, 'updater'),
    };
    updater.on('checking-for-update', () => this.publish({ status: 'checking' }));
    updater.on('update-available', (info) => this.publish({ status: 'available', version: info.version }));
    updater.on('update-not-available', () => this.publish({ status: 'not-available' }));
    updater.on('download-progress', (progress) => this.publish(toDownloading(progress)));
    updater.on('update-downloaded', (event) => this.publish({ status: 'downloaded', version: event.version }));
    updater.on('error', (error) => this.publish({ status: 'error', message: describe(error) }));
  }

  async check(): Promise<void> {
    try {
      const result = await this.updater.checkForUpdates();
      // null means updates are off (an unpackaged development build).
      if (!result) this.publish({ status: 'idle' });
      // The download's failure is reported by the 'error' event; without this catch it would
      // also surface as an unhandled rejection.
      result?.downloadPromise?.catch(() => undefined);
    } catch (error) {
      this.publish({ status: 'error', message: describe(error) });
    }
  }

  onState(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  installOnQuit(): void {
    this.updater.autoInstallOnAppQuit = true;
  }

  private publish(state: UpdateState): void {
    // A failed check is reported both by the 'error' event and the rejected promise; say it once.
    if (JSON.stringify(state) === JSON.stringify(this.last)) return;
    this.last = state;
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch (error) {
        this.logger.error({ err: error }, 'update state listener failed');
      }
    }
  }
}

function toDownloading(progress: ProgressInfo): UpdateState {
  const percent = Math.min(100, Math.max(0, Math.round(progress.percent * 10) / 10));
  return { status: 'downloading', percent, bytesPerSecond: Math.max(0, Math.round(progress.bytesPerSecond)) };
}

// electron-updater's messages carry stack traces and full URLs; the UI gets one plain sentence.
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|net::/.test(text)) {
    return 'The update server could not be reached; Cadence will try again later';
  }
  if (/\b404\b|Cannot find latest|Cannot find channel/.test(text)) return 'No update feed was found for this version';
  if (/sha512 checksum mismatch|signature|not signed/i.test(text)) {
    return 'The downloaded update failed verification and was not installed';
  }
  return `The update failed: ${text.split('\n')[0]?.slice(0, 200) ?? 'unknown error'}`;
}
