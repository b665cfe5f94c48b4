import { join, resolve } from 'node:path';
import { app, type BrowserWindow, dialog, session, type Tray } from 'electron';
import { type Core, createCore } from './core';
import { systemClock } from './platform/clock/system';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from './platform/deep-link/deep-link';
import { createDesktopHotkeys } from './platform/hotkeys/electron';
import { bindVoiceHotkey, type VoiceHotkey } from './platform/hotkeys/voice-hotkey';
import { registerIpc } from './platform/ipc/electron';
import { createLogger } from './platform/logger/logger';
import { ElectronNotifications } from './platform/notifications/electron';
import { KeychainSecrets } from './platform/secrets/keychain';
import { createTray } from './platform/tray/electron';
import { ElectronUpdater } from './platform/updater/electron';
import { applyContentSecurityPolicy, applyPermissions, createMainWindow } from './platform/window/electron';
import { type AppOrigin, isAppUrl } from './platform/window/web-security';
import type { CorePorts } from './ports';

// Electron entry: composes ports, the core, IPC, the window and the tray. Logic lives elsewhere.

const CLOSE_TIMEOUT_MS = 5_000;
const dataDir = app.getPath('userData');
const logFile = join(dataDir, 'logs', 'cadence.log');
const logger = createLogger({ file: logFile, stdout: !app.isPackaged });
// The dev server URL is honoured only in unpackaged builds: in a shipped app an environment
// variable must not be able to point the privileged window (and its IPC) at another site.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origin: AppOrigin = {
  rendererDir: join(app.getAppPath(), 'out', 'renderer'),
  ...(devServerUrl ? { devServerUrl } : {}),
};

let core: Core | undefined;
let window: BrowserWindow | undefined;
let tray: Tray | undefined;
let disposeIpc: (() => void) | undefined;
let voiceHotkey: VoiceHotkey | undefined;
let closing: 'running' | 'closing' | 'closed' = 'running';

// A second launch (or a cadence:// link on Windows/Linux) hands its argv to the first instance.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerProtocol();
  app.on('second-instance', (_event, argv) => {
    handleDeepLink(findDeepLink(argv));
    showWindow();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault(); // macOS delivers links here, possibly before ready
    handleDeepLink(url);
    showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => showWindow());
  app.on('before-quit', (event) => closeCore(event));
  app.whenReady().then(start).catch(failToStart);
}

async function start(): Promise<void> {
  logger.info({ version: app.getVersion(), electron: process.versions.electron }, 'starting');
  applyContentSecurityPolicy(session.defaultSession, devServerUrl);
  applyPermissions(session.defaultSession, origin, logger);
  const updater = new ElectronUpdater(logger);
  const ports: CorePorts = {
    dataDir,
    logFile,
    clock: systemClock,
    logger,
    secrets: new KeychainSecrets(),
    notifications: new ElectronNotifications(logger),
    updater,
    mode: 'desktop',
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
  };
  core = await createCore(ports);
  disposeIpc = registerIpc({
    dispatcher: core.dispatcher,
    events: core.events,
    isAppUrl: (url) => isAppUrl(url, origin),
    logger,
  });
  showWindow();
  tray = createTray({
    iconPath: join(app.getAppPath(), 'resources', 'icon.png'),
    onOpen: showWindow,
    onQuit: () => app.quit(),
    logger,
  });
  voiceHotkey = await startVoiceHotkey(core);
  handleDeepLink(findDeepLink(process.argv));
  if (pendingLink) core.events.emit('app:deep-link', pendingLink);
  pendingLink = undefined;
  if (app.isPackaged) void updater.check();
}

// The hold-to-talk key is read from voice settings; a failure leaves the in-window key working.
async function startVoiceHotkey(started: Core): Promise<VoiceHotkey | undefined> {
  try {
    return await bindVoiceHotkey({
      hotkeys: createDesktopHotkeys({ logger }),
      events: started.events,
      logger,
      readHotkey: async () => {
        const answer = await started.dispatcher.invoke('voice:get-settings', {});
        return answer.ok ? (answer.value as { hotkey: string }).hotkey : null;
      },
      onRegistration: (registration) =>
        started.domains.voice.service.setHotkey(
          registration ?? { global: false, message: 'The hold-to-talk key works while the Cadence window has focus.' },
        ),
    });
  } catch (error) {
    logger.warn({ err: error }, 'the hold-to-talk key is not available');
    return undefined;
  }
}

function showWindow(): void {
  if (!core) return; // still starting: the window opens when the core is ready
  if (!window || window.isDestroyed()) {
    window = createMainWindow({ dataDir, preloadDir: join(app.getAppPath(), 'out', 'preload'), origin, logger });
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

// Links can carry OAuth codes: only the action is logged, and the UI gets action and path, never
// the query. A link that arrives before the core is ready is delivered once it is.
let pendingLink: { action: string; path: string[] } | undefined;
function handleDeepLink(raw: string | undefined): void {
  if (raw === undefined) return;
  const link = parseDeepLink(raw);
  if (!link) return logger.warn('ignored a malformed cadence:// link');
  logger.info({ action: link.action }, 'deep link received');
  pendingLink = { action: link.action, path: link.path };
  if (core) {
    core.events.emit('app:deep-link', pendingLink);
    pendingLink = undefined;
  }
}

function registerProtocol(): void {
  // In development Electron runs as `electron <script>`; the OS must relaunch it the same way.
  const registered =
    process.defaultApp && process.argv[1]
      ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])])
      : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) logger.warn({ scheme: DEEP_LINK_SCHEME }, 'could not register the link handler');
}

// Quitting waits for the core to close (database checkpoint, workers) but never hangs forever.
function closeCore(event: Electron.Event): void {
  if (closing === 'closed' || !core) return;
  event.preventDefault();
  if (closing === 'closing') return;
  closing = 'closing';
  disposeIpc?.();
  voiceHotkey?.close();
  tray?.destroy();
  const timeout = new Promise<void>((done) => setTimeout(done, CLOSE_TIMEOUT_MS).unref());
  Promise.race([core.close(), timeout])
    .catch((error: unknown) => logger.error({ err: error }, 'the core did not close cleanly'))
    .finally(() => {
      closing = 'closed';
      logger.info('quit');
      app.quit();
    });
}

function failToStart(error: unknown): void {
  logger.fatal({ err: error }, 'Cadence could not start');
  dialog.showErrorBox(
    'Cadence could not start',
    `${error instanceof Error ? error.message : String(error)}\n\nLog: ${logFile}`,
  );
  app.exit(1);
}
