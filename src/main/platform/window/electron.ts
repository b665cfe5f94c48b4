import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen, shell, type Session } from 'electron';
import type { Logger } from '../logger/logger';
import { type AppOrigin, contentSecurityPolicy, isAllowedPermission, isAppUrl, isExternalWebUrl } from './web-security';
import { captureWindowState, fitToDisplays, MIN_WINDOW_SIZE, readWindowState, writeWindowState } from './window-state';

export interface MainWindowOptions {
  dataDir: string;
  /** Folder that holds the built preload script (out/preload). */
  preloadDir: string;
  origin: AppOrigin;
  logger: Logger;
}

/**
 * The one app window: locked down (isolated, sandboxed, no Node), remembering where it was, and
 * unable to navigate away from the app or open anything but web pages in the user's browser.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { dataDir, origin, logger } = options;
  const stateFile = join(dataDir, 'window-state.json');
  const state = fitToDisplays(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );

  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Cadence',
    show: false, // shown on ready-to-show, so the user never sees a blank white frame
    webPreferences: {
      preload: preloadPath(options.preloadDir),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    try {
      writeWindowState(stateFile, captureWindowState(window.getNormalBounds(), window.isMaximized()));
    } catch (error) {
      logger.warn({ err: error }, 'could not remember the window position');
    }
  });

  window.webContents.setWindowOpenHandler(({ url }) => {
    // New windows never open inside the app; web links go to the user's browser instead.
    if (isExternalWebUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => logger.warn({ err: error }, 'could not open a link'));
    } else {
      logger.warn({ scheme: scheme(url) }, 'blocked a window that is not a web page');
    }
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url, origin)) return;
    event.preventDefault();
    logger.warn({ scheme: scheme(url) }, 'blocked navigation away from the app');
  };
  window.webContents.on('will-navigate', (event, url) => guard(event, url));
  window.webContents.on('will-redirect', (event, url) => guard(event, url));

  const loading = origin.devServerUrl
    ? window.loadURL(origin.devServerUrl)
    : window.loadFile(join(origin.rendererDir, 'index.html'));
  loading.catch((error: unknown) => logger.error({ err: error }, 'the renderer did not load'));
  return window;
}

/**
 * Sets the CSP on every response. Headers reach http(s) pages only (the dev server); the built
 * renderer loaded over file:// needs the same policy in a <meta> tag of its index.html.
 */
export function applyContentSecurityPolicy(session: Session, devServerUrl?: string): void {
  const policy = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/**
 * Hold-to-talk needs the microphone; every other permission (camera, screen, location,
 * notifications through the web API) is refused, and so is any page that is not the app.
 */
export function applyPermissions(session: Session, origin: AppOrigin, logger: Logger): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const allowed = isAllowedPermission(permission, details.requestingUrl || webContents.getURL(), origin, mediaTypes);
    if (!allowed) logger.warn({ permission }, 'refused a permission request');
    callback(allowed);
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) => {
    // Checks (enumerateDevices labels, the Permissions API) carry no media types; audio is what Cadence asks for.
    const mediaType = 'mediaType' in details ? details.mediaType : undefined;
    const types = permission === 'media' ? [mediaType ?? 'audio'] : [];
    return isAllowedPermission(permission, details.requestingUrl ?? requestingOrigin, origin, types);
  });
}

// A sandboxed preload must be CommonJS; electron-vite names it index.cjs or index.js depending on
// the package type and its config, so take whichever the build produced.
function preloadPath(dir: string): string {
  const cjs = join(dir, 'index.cjs');
  return existsSync(cjs) ? cjs : join(dir, 'index.js');
}

// Logs the scheme only: URLs can carry tokens (OAuth redirects) that must not reach the log.
function scheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? 'invalid';
}
