import { describe, expect, it } from 'vitest';
import { insertDraft } from './insert';
import { buildDraftRequest, draftLimit, listPlatforms } from './prompt';

describe('the draft prompt', () => {
  it('names the topic, the platforms and the tightest limit', () => {
    const request = buildDraftRequest('  feeding a starter in winter ', ['linkedin', 'x', 'bluesky']);
    expect(request.prompt).toBe(
      'Write a post about: feeding a starter in winter. It will be posted on LinkedIn, X and Bluesky. ' +
        'Keep it under 280 characters.',
    );
    expect(request.system).toMatch(/post text only/);
    expect(request.maxTokens).toBe(112);
  });

  it('uses a general length without platforms and caps very long limits', () => {
    expect(buildDraftRequest('bread', []).prompt).toBe('Write a post about: bread. Keep it under 500 characters.');
    expect(draftLimit(['facebook'])).toBe(1500);
    expect(buildDraftRequest('bread', ['facebook']).maxTokens).toBe(600);
  });

  it('lists platforms the way people write them', () => {
    expect(listPlatforms([])).toBe('');
    expect(listPlatforms(['x'])).toBe('X');
    expect(listPlatforms(['x', 'threads'])).toBe('X and Threads');
  });
});

describe('inserting a draft', () => {
  it('fills an empty post and appends after a blank line otherwise', () => {
    expect(insertDraft('', '  Hello there \n')).toBe('Hello there');
    expect(insertDraft('My intro\n\n', 'Hello')).toBe('My intro\n\nHello');
    expect(insertDraft('Keep me', '   ')).toBe('Keep me');
  });
});
