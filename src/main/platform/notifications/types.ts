export interface NotificationMessage {
  title: string;
  body: string;
}

/** Desktop notifications (Electron) or a push event to the browser UI (headless host). */
export interface NotificationsPort {
  notify(message: NotificationMessage): void;
}
