import { describe, expect, it } from 'vitest';
import { EventBus } from '../../contract/event-bus';
import { createLogger } from '../logger/logger';
import { EventNotifications } from './event';

describe('EventNotifications', () => {
  it('emits app:notification, delivering ones raised before the bus was attached', () => {
    const notifications = new EventNotifications(undefined, createLogger());
    notifications.notify({ title: 'Early', body: 'before attach' });
    const events = new EventBus();
    const seen: unknown[] = [];
    events.onAny((name, payload) => seen.push([name, payload]));
    notifications.attach(events);
    notifications.notify({ title: 'Posted', body: 'Your thread is live' });
    expect(seen).toEqual([
      ['app:notification', { title: 'Early', body: 'before attach' }],
      ['app:notification', { title: 'Posted', body: 'Your thread is live' }],
    ]);
  });
});
