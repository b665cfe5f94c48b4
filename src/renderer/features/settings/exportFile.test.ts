import { describe, expect, it } from 'vitest';
import { describeExport, exportFileName, parseExportFile } from './exportFile';

const minimal = {
  format: 'cadence-export',
  version: 1,
  exportedAt: '2026-11-25T10:00:00.000Z',
  appVersion: '0.1.0',
  profile: null,
  posts: [],
  revisions: [],
};

describe('parseExportFile', () => {
  it('accepts a Cadence export', () => {
    const parsed = parseExportFile(JSON.stringify(minimal));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(describeExport(parsed.document)).toBe('0 posts and 0 revisions');
  });

  it('explains what is wrong with other files', () => {
    expect(parseExportFile('not json')).toEqual({
      ok: false,
      message: 'This file is not a Cadence export: it is not valid JSON.',
    });
    expect(parseExportFile('[1,2]')).toMatchObject({ ok: false, message: expect.stringContaining('export object') });
    expect(parseExportFile('{"name":"package"}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a Cadence export'),
    });
    expect(parseExportFile(JSON.stringify({ ...minimal, version: 9 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('newer version of Cadence'),
    });
    expect(parseExportFile(JSON.stringify({ ...minimal, posts: [{ id: 'nope' }] }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged at posts.0'),
    });
  });
});

describe('exportFileName', () => {
  it('uses the local date', () => {
    expect(exportFileName(new Date(2026, 0, 5, 12))).toBe('cadence-export-2026-01-05.json');
  });
});
