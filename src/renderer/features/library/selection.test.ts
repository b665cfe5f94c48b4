import { describe, expect, it } from 'vitest';
import { countLabel, keepVisible, pageSelectionState, toggle, togglePage, undoArchive, undoDelete } from './selection';

describe('selection', () => {
  it('toggles single rows without mutating', () => {
    const empty = new Set<string>();
    const one = toggle(empty, 'a');
    expect([...one]).toEqual(['a']);
    expect(empty.size).toBe(0);
    expect(toggle(one, 'a').size).toBe(0);
  });

  it('reports none, some and all for the page', () => {
    const page = ['a', 'b'];
    expect(pageSelectionState(new Set(), page)).toBe('none');
    expect(pageSelectionState(new Set(['a', 'x']), page)).toBe('some');
    expect(pageSelectionState(new Set(['a', 'b']), page)).toBe('all');
    expect(pageSelectionState(new Set(['a']), [])).toBe('none');
  });

  it('selects the whole page, then clears only the page', () => {
    const page = ['a', 'b'];
    const all = togglePage(new Set(['x', 'a']), page);
    expect([...all].sort()).toEqual(['a', 'b', 'x']);
    expect([...togglePage(all, page)]).toEqual(['x']);
  });

  it('forgets rows that are no longer visible, keeping identity when nothing changed', () => {
    const selection = new Set(['a', 'b']);
    expect(keepVisible(selection, ['a', 'b', 'c'])).toBe(selection);
    expect([...keepVisible(selection, ['b'])]).toEqual(['b']);
  });
});

describe('undo bookkeeping', () => {
  it('restores the statuses posts had before archiving', () => {
    expect(
      undoArchive([
        { id: 'a', status: 'draft' },
        { id: 'b', status: 'archived' },
        { id: 'c', status: 'scheduled' },
      ]),
    ).toEqual({
      kind: 'restore-statuses',
      items: [
        { id: 'a', status: 'draft' },
        { id: 'c', status: 'scheduled' },
      ],
    });
    expect(undoArchive([{ id: 'b', status: 'archived' }])).toBeNull();
  });

  it('restores deleted posts', () => {
    expect(undoDelete(['a'])).toEqual({ kind: 'restore-posts', ids: ['a'] });
    expect(undoDelete([])).toBeNull();
  });

  it('counts nouns', () => {
    expect(countLabel(1)).toBe('1 post');
    expect(countLabel(100000)).toBe('100,000 posts');
  });
});
