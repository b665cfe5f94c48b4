import { describe, expect, it } from 'vitest';
import type { Post } from '../../../shared/domain/post';
import { groupByDay, groupBySlot, withSchedule } from './calendar-posts';

function post(
  id: string,
  scheduledAt: string | null,
  status: Post['status'] = scheduledAt ? 'scheduled' : 'draft',
): Post {
  const at = '2026-11-01T00:00:00.000Z';
  return {
    id,
    title: id,
    body: '',
    status,
    tags: [],
    platforms: [],
    scheduledAt,
    createdAt: at,
    updatedAt: at,
    version: 1,
    deletedAt: null,
  };
}

describe('grouping', () => {
  const zone = 'America/New_York';
  const posts = [
    post('late', '2026-12-02T03:30:00.000Z'), // Dec 1, 22:30 local
    post('early', '2026-12-01T14:00:00.000Z'), // Dec 1, 09:00 local
    post('none', null),
  ];

  it('groups by local day in time order, skipping unscheduled posts', () => {
    const byDay = groupByDay(posts, zone);
    expect([...byDay.keys()]).toEqual(['2026-12-01']);
    expect(byDay.get('2026-12-01')?.map((p) => p.id)).toEqual(['early', 'late']);
  });

  it('groups by local hour slot', () => {
    const bySlot = groupBySlot(posts, zone);
    expect(bySlot.get('2026-12-01:09')?.map((p) => p.id)).toEqual(['early']);
    expect(bySlot.get('2026-12-01:22')?.map((p) => p.id)).toEqual(['late']);
  });
});

describe('withSchedule', () => {
  it('moves a draft onto the calendar as scheduled', () => {
    const draft = post('a', null);
    const next = withSchedule({ scheduled: [], unscheduled: [draft] }, draft, '2026-12-01T14:00:00.000Z');
    expect(next.unscheduled).toEqual([]);
    expect(next.scheduled[0]).toMatchObject({ id: 'a', status: 'scheduled', scheduledAt: '2026-12-01T14:00:00.000Z' });
  });

  it('takes a scheduled post off the calendar as ready', () => {
    const scheduled = post('b', '2026-12-01T14:00:00.000Z');
    const next = withSchedule({ scheduled: [scheduled], unscheduled: [] }, scheduled, null);
    expect(next.scheduled).toEqual([]);
    expect(next.unscheduled[0]).toMatchObject({ id: 'b', status: 'ready', scheduledAt: null });
  });
});
