import { describe, expect, it } from 'vitest';
import type { BulkItemStatus, BulkTopics } from '../../../shared/domain/bulk';
import {
  countItems,
  finishedCount,
  isLiveJob,
  progressPercent,
  progressSentence,
  retryFailedLabel,
  topicsNotice,
} from './bulk-text';

const items = (statuses: BulkItemStatus[]) => statuses.map((status) => ({ status }));

describe('countItems and progressSentence', () => {
  it('counts every status and says what is left', () => {
    const counts = countItems(items(['done', 'done', 'failed', 'generating', 'pending', 'pending']));
    expect(counts).toEqual({ done: 2, failed: 1, cancelled: 0, pending: 2, generating: 1, total: 6 });
    expect(progressSentence(counts)).toBe('2 of 6 posts written · 1 failed · 3 to go');
  });

  it('says nothing is left when all finished', () => {
    expect(progressSentence(countItems(items(['done', 'cancelled'])))).toBe('1 of 2 posts written · 1 cancelled');
  });
});

describe('progressPercent', () => {
  it.each([
    [0, 0, 0],
    [1, null, 0],
    [1, 3, 33],
    [3, 3, 100],
    [5, 3, 100],
  ])('%i of %s is %i%%', (finished, total, percent) => {
    expect(progressPercent(finished, total)).toBe(percent);
  });
});

describe('isLiveJob', () => {
  it('follows planned, running and paused jobs only', () => {
    expect(['planned', 'running', 'paused', 'done', 'cancelled', 'failed'].map((s) => isLiveJob(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('finishedCount', () => {
  it('counts done, failed and cancelled items', () => {
    expect(finishedCount(countItems(items(['done', 'failed', 'cancelled', 'pending', 'generating'])))).toBe(3);
  });
});

describe('topicsNotice', () => {
  it('says nothing when the AI wrote the topics', () => {
    expect(topicsNotice({ source: 'ai', note: '' }, true)).toBeNull();
  });

  it("passes the server's reason on while planning", () => {
    expect(topicsNotice({ source: 'fallback', note: ' No model answered. ' }, true)).toBe('No model answered.');
  });

  it.each<[BulkTopics, boolean, string]>([
    [
      { source: 'fallback', note: '' },
      true,
      'These topics are simple patterns from your niche and the formats, not written by the AI. Edit them before starting.',
    ],
    [
      { source: 'mixed', note: 'Why' },
      false,
      'Some topics are simple patterns from your niche and the formats, not written by the AI.',
    ],
  ])('labels %j (planned: %s)', (topics, planned, text) => {
    expect(topicsNotice(topics, planned)).toBe(text);
  });
});

describe('retryFailedLabel', () => {
  const counts = (failed: number) => ({ ...countItems(items(['done'])), failed, total: 1 + failed });
  it('offers the failed items of a running, paused or finished job, counted', () => {
    expect(retryFailedLabel({ status: 'done', counts: counts(1) })).toBe('Retry 1 failed post');
    expect(retryFailedLabel({ status: 'failed', counts: counts(3) })).toBe('Retry 3 failed posts');
    expect(retryFailedLabel({ status: 'paused', counts: counts(2) })).toBe('Retry 2 failed posts');
  });

  it('offers nothing without failures, or for a plan or a cancelled job (the channel refuses them)', () => {
    expect(retryFailedLabel({ status: 'done', counts: counts(0) })).toBeNull();
    expect(retryFailedLabel({ status: 'planned', counts: counts(2) })).toBeNull();
    expect(retryFailedLabel({ status: 'cancelled', counts: counts(2) })).toBeNull();
  });
});
