import { Notification } from 'electron';
import type { Logger } from '../logger/logger';
import type { NotificationMessage, NotificationsPort } from './types';

/**
 * Native desktop notifications. Some Linux desktops have no notification daemon; there the message
 * goes to the log instead of throwing into whichever service wanted to tell the user something.
 */
export class ElectronNotifications implements NotificationsPort {
  constructor(private readonly logger: Logger) {}

  notify(message: NotificationMessage): void {
    const { title, body } = message;
    this.logger.info({ notification: { title } }, 'notification');
    try {
      if (!Notification.isSupported()) return;
      new Notification({ title, body }).show();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not show a desktop notification');
    }
  }
}
