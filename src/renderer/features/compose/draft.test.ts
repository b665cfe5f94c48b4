import { describe, expect, it } from 'vitest';
import { draftContent, emptyDraft, hasContent, previewText, sameContent } from './draft';
import { saveStatusText } from './saveStatusText';
import { INITIAL_SAVE } from './compose.types';

describe('draft helpers', () => {
  it('parses tag text into the content sent to the core', () => {
    const draft = { ...emptyDraft(['x']), body: 'Hi', tagsText: '#a, b' };
    expect(draftContent(draft)).toMatchObject({ body: 'Hi', tags: ['a', 'b'], platforms: ['x'], status: 'draft' });
  });

  it('treats tag formatting and platform order as the same content', () => {
    const a = { ...emptyDraft(['x', 'linkedin']), tagsText: 'a b' };
    const b = { ...emptyDraft(['linkedin', 'x']), tagsText: '#a, b' };
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...b, body: '!' })).toBe(false);
  });

  it('only counts typed text as content worth creating a post for', () => {
    expect(hasContent(emptyDraft(['x']))).toBe(false);
    expect(hasContent({ ...emptyDraft(), body: 'a' })).toBe(true);
    expect(hasContent({ ...emptyDraft(), body: '   ' })).toBe(false);
  });

  it('previews the body, else the title, on one line', () => {
    expect(previewText({ title: 'T', body: 'line one\n\nline two' })).toBe('line one line two');
    expect(previewText({ title: 'Only title', body: '' })).toBe('Only title');
    expect(previewText({ title: '', body: '' })).toBe('(empty)');
    expect(previewText({ title: '', body: 'x'.repeat(200) }, 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('saveStatusText', () => {
  it('uses the words the UI promises', () => {
    expect(saveStatusText({ ...INITIAL_SAVE, status: 'pending' }, true)).toBe('Saving…');
    expect(saveStatusText({ ...INITIAL_SAVE, status: 'saving' }, true)).toBe('Saving…');
    expect(saveStatusText({ ...INITIAL_SAVE, status: 'saved' }, true)).toBe('Saved');
    expect(saveStatusText({ ...INITIAL_SAVE, status: 'retrying' }, true)).toBe('Save failed — retrying');
    expect(saveStatusText({ ...INITIAL_SAVE, status: 'idle' }, false)).toBe('Nothing to save yet');
    expect(saveStatusText({ ...INITIAL_SAVE, status: 'invalid', message: 'Pick a time' }, true)).toBe(
      'Not saved — Pick a time',
    );
  });
});
