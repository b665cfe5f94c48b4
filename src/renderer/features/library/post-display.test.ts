import { describe, expect, it } from 'vitest';
import { postDateLabel, postHeadline } from './post-display';

describe('postHeadline', () => {
  it('prefers the title, then the first non-empty body line', () => {
    expect(postHeadline({ title: ' Launch day ', body: 'x' })).toBe('Launch day');
    expect(postHeadline({ title: '', body: '\n  Hello world \nmore' })).toBe('Hello world');
    expect(postHeadline({ title: '', body: '' })).toBe('Untitled post');
  });

  it('shortens a very long first line', () => {
    expect(postHeadline({ title: '', body: 'a'.repeat(200) })).toHaveLength(118);
  });
});

describe('postDateLabel', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('shows the scheduled time in the creator zone', () => {
    const post = {
      scheduledAt: '2026-12-01T08:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      status: 'scheduled' as const,
    };
    expect(postDateLabel(post, 'Europe/Berlin', now)).toMatchObject({ kind: 'Scheduled', text: 'Dec 1, 9:00 AM' });
  });

  it('falls back to the update time, with the year when it differs', () => {
    const post = { scheduledAt: null, updatedAt: '2025-12-31T23:30:00.000Z', status: 'draft' as const };
    expect(postDateLabel(post, 'America/New_York', now)).toMatchObject({
      kind: 'Updated',
      text: 'Dec 31, 2025, 6:30 PM',
    });
  });
});
