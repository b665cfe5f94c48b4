import { describe, expect, it } from 'vitest';
import { addHashtag, hasHashtag } from './add-hashtag';

describe('adding a recommended hashtag', () => {
  it.each([
    ['', 'bread', '#bread'],
    ['Fresh loaf today.  \n', '#bread', 'Fresh loaf today.\n\n#bread'],
    ['Fresh loaf.\n\n#sourdough', 'bread', 'Fresh loaf.\n\n#sourdough #bread'],
    ['Fresh loaf #Bread.', 'bread', 'Fresh loaf #Bread.'],
    ['Part one\n---\nPart two', 'bread', 'Part one\n---\nPart two\n\n#bread'],
    ['Crème', 'pâtisserie', 'Crème\n\n#pâtisserie'],
  ])('%j + %s', (body, tag, expected) => {
    expect(addHashtag(body, tag)).toBe(expected);
  });

  it('knows whole tags only', () => {
    expect(hasHashtag('#breadmaking', 'bread')).toBe(false);
    expect(hasHashtag('#BREAD', '#bread')).toBe(true);
  });
});
