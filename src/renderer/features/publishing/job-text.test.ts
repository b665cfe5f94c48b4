import { describe, expect, it } from 'vitest';
import type { PublishJob } from '../../../shared/domain/publishing';
import { actionLabel, canHandToRelay, groupJobs, jobLine, refusalFindings, shortWhen } from './job-text';

const job = (over: Partial<PublishJob>): PublishJob => ({
  id: '11111111-1111-4111-8111-111111111111',
  postId: '22222222-2222-4222-8222-222222222222',
  platform: 'x',
  accountId: null,
  status: 'queued',
  dueAt: '2026-12-01T09:00:00.000Z',
  attempts: 0,
  nextAttemptAt: null,
  externalId: null,
  url: null,
  lastError: null,
  errorKind: null,
  createdAt: '2026-11-29T09:00:00.000Z',
  updatedAt: '2026-11-29T09:00:00.000Z',
  publishedAt: null,
  ...over,
});

describe('jobLine', () => {
  it('says a relayed job goes out from the relay and can be taken back, grouped with the queued ones', () => {
    const relayed = job({ status: 'relayed' });
    expect(jobLine(relayed, 'UTC', 'en-US')).toMatchObject({
      text: expect.stringContaining('publish relay'),
      actions: ['take-back'],
    });
    expect(groupJobs([relayed]).find((g) => g.title === 'Queued')?.jobs).toHaveLength(1);
  });

  it('says when a queued job goes, in the given zone', () => {
    expect(shortWhen('2026-12-01T09:00:00.000Z', 'UTC', 'en-US')).toBe('Tue 9:00 AM');
    expect(jobLine(job({}), 'UTC', 'en-US')).toMatchObject({ text: 'Queued for Tue 9:00 AM', actions: ['cancel'] });
  });

  it.each([
    ['sending', 'Sending…', []],
    ['leased', 'Sending…', []],
    ['outcome_unknown', 'Checking whether it went out…', []],
    ['missed', 'Missed while Cadence was closed', ['post-now', 'reschedule', 'cancel']],
    ['cancelled', 'Cancelled', ['retry']],
  ] as const)('%s → %s', (status, text, actions) => {
    expect(jobLine(job({ status }))).toMatchObject({ text, actions });
  });

  it('says when a retry put at a later time runs, and that the platform is checked first', () => {
    const now = new Date('2026-12-01T08:00:00.000Z');
    const later = job({ status: 'outcome_unknown', attempts: 0, nextAttemptAt: '2026-12-01T09:00:00.000Z' });
    expect(jobLine(later, 'UTC', 'en-US', null, now)).toMatchObject({
      text: 'Retry at Tue 9:00 AM: Cadence checks X first, so it never posts twice',
      tone: 'neutral',
      actions: [],
    });
    // Once its time has come, or for a resend after a lost answer, it is the check itself.
    expect(jobLine(later, 'UTC', 'en-US', null, new Date('2026-12-01T09:00:00.000Z')).text).toBe(
      'Checking whether it went out…',
    );
    expect(jobLine({ ...later, attempts: 2 }, 'UTC', 'en-US', null, now).text).toBe('Checking whether it went out…');
  });

  it('gives the failure message and the retry', () => {
    expect(jobLine(job({ status: 'failed', lastError: 'Text too long' }))).toMatchObject({
      text: 'Failed: Text too long',
      tone: 'bad',
      actions: ['retry', 'cancel'],
    });
  });

  it('links a published post by platform', () => {
    const line = jobLine(job({ status: 'published', url: 'https://x.com/me/status/1' }));
    expect(line.text).toBe('Published');
    expect(line.link).toEqual({ href: 'https://x.com/me/status/1', label: 'View post on X' });
    expect(jobLine(job({ status: 'published', platform: 'mastodon' })).link).toBeNull();
  });
});

describe('groupJobs', () => {
  it('puts what needs the creator first and skips empty groups', () => {
    const groups = groupJobs([
      job({ id: 'a', status: 'published' }),
      job({ id: 'b', status: 'failed' }),
      job({ id: 'c', status: 'missed', dueAt: '2026-11-01T00:00:00.000Z' }),
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Needs you', 'Published']);
    expect(groups[0]!.jobs.map((j) => j.id)).toEqual(['c', 'b']);
  });
});

describe('labels and refusals', () => {
  it('names actions by platform', () => {
    expect(actionLabel('post-now', 'bluesky')).toBe('Post now on Bluesky');
    expect(actionLabel('retry', 'x')).toBe('Retry X');
  });

  it('reads the findings of a refusal and ignores anything else', () => {
    expect(refusalFindings({ findings: [{ platform: 'x', message: 'Over 280 characters' }, { nope: 1 }] })).toEqual([
      'X: Over 280 characters',
    ]);
    expect(refusalFindings(null)).toEqual([]);
    expect(refusalFindings({ findings: 'x' })).toEqual([]);
  });
});

describe('hand-over to the publish relay', () => {
  const ACCOUNT = '33333333-3333-4333-8333-333333333333';
  const relay = { signedIn: true, accountIds: [ACCOUNT], platforms: ['mastodon' as const] };

  it('offers "Hand to relay" on a queued job of an opted-in account, before Cancel', () => {
    const queued = job({ platform: 'mastodon', accountId: ACCOUNT });
    expect(jobLine(queued, 'UTC', 'en-US', relay).actions).toEqual(['hand-to-relay', 'cancel']);
    // A job that does not name its account yet goes by its platform.
    expect(canHandToRelay(job({ platform: 'mastodon' }), relay)).toBe(true);
  });

  it('offers nothing more when signed out, for other accounts, after a try, or for other statuses', () => {
    const queued = job({ platform: 'mastodon', accountId: ACCOUNT });
    expect(jobLine(queued, 'UTC', 'en-US', { ...relay, signedIn: false }).actions).toEqual(['cancel']);
    expect(jobLine(queued, 'UTC', 'en-US').actions).toEqual(['cancel']);
    expect(
      canHandToRelay(job({ platform: 'mastodon', accountId: '44444444-4444-4444-8444-444444444444' }), relay),
    ).toBe(false);
    expect(canHandToRelay(job({ platform: 'x' }), relay)).toBe(false);
    expect(canHandToRelay({ ...queued, attempts: 1 }, relay)).toBe(false);
    expect(jobLine({ ...queued, status: 'failed' }, 'UTC', 'en-US', relay).actions).toEqual(['retry', 'cancel']);
  });

  it('labels the relay actions with the platform', () => {
    expect(actionLabel('hand-to-relay', 'mastodon')).toBe('Hand Mastodon to the relay');
    expect(actionLabel('take-back', 'mastodon')).toBe('Take Mastodon back from the relay');
  });
});
