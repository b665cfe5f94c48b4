import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvSafe, renderReportCsv } from './report-csv';
import { weeklyModel } from './report-model.test-support';

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

describe('renderReportCsv', () => {
  it('has one row per publication with every counter and the engagement rate', () => {
    const csv = renderReportCsv(weeklyModel());
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([
      'published_at (UTC)',
      'platform',
      'account',
      'title',
      'format',
      'url',
      'impressions',
      'views',
      'likes',
      'comments',
      'shares',
      'saves',
      'clicks',
      'engagement_rate_percent',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      '2026-11-17 09:30',
      'x',
      'ada',
      'Sourdough starter in five days without any special equipment at all',
      'text',
      '',
      '12400',
      '',
      '610',
      '42',
      '31',
      '',
      '57',
      '5.97',
    ]);
  });

  it('keeps only the chosen counters of a custom report', () => {
    const [header, first] = parseCsv(renderReportCsv(weeklyModel({ kind: 'custom', metrics: ['likes', 'followers'] })));
    expect(header).toEqual([
      'published_at (UTC)',
      'platform',
      'account',
      'title',
      'format',
      'url',
      'likes',
      'engagement_rate_percent',
    ]);
    expect(first?.[6]).toBe('610');
  });

  it('defuses a title that a spreadsheet would run as a formula', () => {
    const rows = parseCsv(renderReportCsv(weeklyModel()));
    expect(rows[2]?.[3]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@handle', "'@handle"],
    ['\tindent', "'\tindent"],
    ['plain = fine', 'plain = fine'],
    ['', ''],
  ])('csvSafe(%j) → %j', (input, output) => {
    expect(csvSafe(input)).toBe(output);
  });

  it('is only the header when nothing was published', () => {
    const rows = parseCsv(renderReportCsv(weeklyModel({ posts: [] })));
    expect(rows).toHaveLength(1);
  });
});
