import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/imports';
import {
  fieldLabel,
  importButtonText,
  problemText,
  importPercent,
  importProgressText,
  previewCounts,
  reportSummary,
} from './import-text';

const report: ImportReport = {
  kind: 'posts',
  rowsRead: 200,
  postsAdded: 196,
  publicationsAdded: 196,
  publicationsUpdated: 0,
  snapshotsAdded: 196,
  accountsAdded: 2,
  accountDaysAdded: 0,
  skipped: [
    { row: 5, reason: "published_at 'yesterday' is not a date" },
    { row: 9, reason: 'likes is negative' },
  ],
  duplicatesSkipped: 2,
};

describe('import texts', () => {
  it('names the button by the rows it will import', () => {
    expect(importButtonText({ validRows: 196 })).toBe('Import 196 rows');
    expect(importButtonText({ validRows: 1 })).toBe('Import 1 row');
  });

  it('counts the preview', () => {
    expect(previewCounts({ rowCount: 200, validRows: 196, invalidRows: 4 })).toBe(
      '200 rows · 196 ready · 4 with problems',
    );
    expect(previewCounts({ rowCount: 3, validRows: 3, invalidRows: 0 })).toBe('3 rows · 3 ready');
  });

  it('names fields in words', () => {
    expect(fieldLabel('published_at')).toBe('published at');
    expect(fieldLabel('likes')).toBe('likes');
  });

  it('follows progress', () => {
    const progress = { jobId: 'j', phase: 'importing', done: 50, total: 200, cancellable: false };
    expect(importPercent(null)).toBeNull();
    expect(importPercent(progress)).toBe(25);
    expect(importPercent({ ...progress, total: null })).toBeNull();
    expect(importProgressText(progress)).toBe('Importing: 50 of 200');
    expect(importProgressText(null)).toBe('Starting…');
  });

  it('names the column of a problem once', () => {
    expect(problemText({ column: 'published_at', message: "published_at 'yesterday' is not a date" })).toBe(
      "published_at 'yesterday' is not a date",
    );
    expect(problemText({ column: 'likes', message: 'is negative' })).toBe('likes: is negative');
    expect(problemText({ message: 'The row is empty' })).toBe('The row is empty');
  });

  it('sums up what was imported and what was not', () => {
    expect(reportSummary(report)).toBe('196 posts added, 2 duplicates skipped, 2 rows not imported');
    expect(
      reportSummary({ ...report, kind: 'account-metrics', accountDaysAdded: 30, skipped: [], duplicatesSkipped: 0 }),
    ).toBe('30 days of followers added');
  });
});
