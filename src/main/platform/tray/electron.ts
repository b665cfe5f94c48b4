import { Menu, nativeImage, Tray } from 'electron';
import type { Logger } from '../logger/logger';

export interface TrayOptions {
  iconPath: string;
  onOpen(): void;
  onQuit(): void;
  logger: Logger;
}

/**
 * The tray icon with Open and Quit. Returns undefined where the desktop has no tray (some Linux
 * desktops): the app works without it. The caller must keep the Tray referenced, or it is
 * garbage-collected and vanishes.
 */
export function createTray(options: TrayOptions): Tray | undefined {
  try {
    const size = process.platform === 'linux' ? 22 : 16;
    const icon = nativeImage.createFromPath(options.iconPath).resize({ width: size, height: size });
    const tray = new Tray(icon);
    tray.setToolTip('Cadence');
    // Linux app indicators show only the menu and never emit click, so Open must be in the menu.
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Cadence', click: () => options.onOpen() },
        { type: 'separator' },
        { label: 'Quit Cadence', click: () => options.onQuit() },
      ]),
    );
    tray.on('click', () => options.onOpen());
    return tray;
  } catch (error) {
    options.logger.warn({ err: error }, 'no tray icon on this desktop');
    return undefined;
  }
}
