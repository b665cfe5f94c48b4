import type { EventBus } from '../../contract/event-bus';
import type { Logger } from '../logger/logger';
import type { NotificationMessage, NotificationsPort } from './types';

// Notifications raised before a bus is attached wait here; a bound keeps a misbehaving start-up
// from growing memory without limit.
const MAX_PENDING = 50;

/**
 * Notifications for the headless host: there is no OS notification centre, so each one becomes an
 * `app:notification` event that every connected browser UI shows, and a log line for the operator.
 *
 * Pass the EventBus the core will use; or, where it only exists after createCore, pass undefined
 * and call `attach(core.events)` later: anything notified before that is delivered on attach.
 */
export class EventNotifications implements NotificationsPort {
  private events: EventBus | undefined;
  private readonly pending: NotificationMessage[] = [];

  constructor(
    events: EventBus | undefined,
    private readonly logger: Logger,
  ) {
    this.events = events;
  }

  attach(events: EventBus): void {
    this.events = events;
    for (const message of this.pending.splice(0)) events.emit('app:notification', message);
  }

  notify(message: NotificationMessage): void {
    const { title, body } = message;
    this.logger.info({ notification: { title, body } }, 'notification');
    if (this.events) this.events.emit('app:notification', { title, body });
    else if (this.pending.push({ title, body }) > MAX_PENDING) this.pending.shift();
  }
}
