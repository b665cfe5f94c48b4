import { describe, expect, it } from 'vitest';
import type { PublishJob } from '../../../shared/domain/publishing';
import { actionLabel, groupJobs, jobLine, refusalFindings, shortWhen } from './job-text';

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
  it('says a relayed job goes out from the relay, grouped with the queued ones', () => {
    const relayed = job({ status: 'relayed' });
    expect(jobLine(relayed, 'UTC', 'en-US')).toMatchObject({
      text: expect.stringContaining('publish relay'),
      actions: [],
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
