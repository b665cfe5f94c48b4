import { describe, expect, it } from 'vitest';
import { actionFor, quickChoices, whenText } from './when-choices';

const NOW = new Date('2026-06-15T09:20:30.000Z');

describe('time picker quick choices', () => {
  it('offers "in 1 hour" rounded up to the next whole minute, in the creator’s zone', () => {
    expect(quickChoices(NOW, 'Europe/Madrid', null)).toEqual([
      { id: 'in-1h', label: 'In 1 hour', input: '2026-06-15T12:21' },
    ]);
    expect(quickChoices(new Date('2026-06-15T09:20:00.000Z'), 'UTC', null)[0]!.input).toBe('2026-06-15T10:20');
  });

  it('adds the platform’s next free slot when it lies ahead, shown in the creator’s zone', () => {
    const slot = { at: '2026-06-16T07:00:00.000Z', label: 'Tuesday 09:00' };
    expect(quickChoices(NOW, 'Europe/Madrid', slot)).toEqual([
      { id: 'in-1h', label: 'In 1 hour', input: '2026-06-15T12:21' },
      { id: 'next-slot', label: 'Next best slot: Tuesday 09:00', input: '2026-06-16T09:00' },
    ]);
  });

  it('leaves out a slot that has passed or that is the same minute as "in 1 hour"', () => {
    expect(quickChoices(NOW, 'UTC', { at: '2026-06-15T09:00:00.000Z', label: 'Monday 09:00' })).toHaveLength(1);
    expect(quickChoices(NOW, 'UTC', { at: '2026-06-15T10:21:00.000Z', label: 'Monday 10:21' })).toHaveLength(1);
  });
});

describe('time picker calls', () => {
  it('retries now or at the picked time', () => {
    expect(actionFor('retry', null)).toEqual({ action: 'retry' });
    expect(actionFor('retry', '2026-06-16T07:00:00.000Z')).toEqual({ action: 'retry', at: '2026-06-16T07:00:00.000Z' });
  });

  it('posts a missed slot now, or reschedules it to the picked time', () => {
    expect(actionFor('reschedule', null)).toEqual({ action: 'post-now' });
    expect(actionFor('reschedule', '2026-06-16T07:00:00.000Z')).toEqual({
      action: 'reschedule',
      at: '2026-06-16T07:00:00.000Z',
    });
  });

  it('names the picker and its buttons by what they do', () => {
    expect(whenText('retry', 'Threads', 'Europe/Madrid')).toEqual({
      title: 'When to retry on Threads',
      field: 'Retry on Threads at (Europe/Madrid)',
      now: 'Retry now',
      submit: 'Retry at this time',
      busy: 'Retrying…',
    });
    expect(whenText('reschedule', 'X', 'UTC')).toMatchObject({ title: 'When to post on X', now: 'Post now' });
  });
});
