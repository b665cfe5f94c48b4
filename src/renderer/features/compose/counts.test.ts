import { describe, expect, it } from 'vitest';
import { countRows, describeRemaining } from './counts';

describe('countRows', () => {
  it('lists only the selected platforms, in the usual order', () => {
    const rows = countRows({ title: '', body: 'hello' }, ['linkedin', 'x']);
    expect(rows.map((r) => r.platform)).toEqual(['x', 'linkedin']);
    expect(rows[0]).toMatchObject({ count: 5, limit: 280, overBy: 0, over: false });
  });

  it('counts X the weighted way (a URL is 23) and reports how far over', () => {
    const [url] = countRows({ title: '', body: `https://example.com/${'a'.repeat(200)}` }, ['x']);
    expect(url?.count).toBe(23);
    const [over] = countRows({ title: '', body: 'a'.repeat(290) }, ['x']);
    expect(over).toMatchObject({ count: 290, overBy: 10, over: true });
    expect(over && describeRemaining(over)).toBe('10 characters over');
  });

  it('adds the YouTube title beside the description, in bytes for the description', () => {
    const rows = countRows({ title: 't'.repeat(101), body: 'é' }, ['youtube']);
    expect(rows.map((r) => r.label)).toEqual(['YouTube', 'YouTube title']);
    expect(rows[0]).toMatchObject({ unit: 'bytes', count: 2 });
    expect(rows[1]).toMatchObject({ overBy: 1, over: true });
  });

  it('flags too many Instagram hashtags even when the text fits', () => {
    const body = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const [row] = countRows({ title: '', body }, ['instagram']);
    expect(row?.overBy).toBe(0);
    expect(row?.over).toBe(true);
    expect(row?.problems[0]).toContain('31 hashtags');
  });

  it('measures a thread by its longest part and flags any part over', () => {
    const body = `Short hook\n---\n${'a'.repeat(290)}\n---\nEnd`;
    const [x, linkedin] = countRows({ title: '', body }, ['x', 'linkedin']);
    expect(x).toMatchObject({ count: 290, overBy: 10, over: true, field: 'Thread of 3, longest part' });
    expect(linkedin).toMatchObject({ count: body.length, over: false });
  });
});
