import type { NotificationMessage, NotificationsPort } from './types';

/** Records notifications so tests can assert what the user would have seen. */
export class MemoryNotifications implements NotificationsPort {
  readonly sent: NotificationMessage[] = [];

  notify(message: NotificationMessage): void {
    this.sent.push({ ...message });
  }
}
