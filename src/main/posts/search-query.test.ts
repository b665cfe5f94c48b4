import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './search-query';

describe('toFtsQuery', () => {
  it.each([
    ['growth', '"growth"*'],
    ['growth hack', '"growth" "hack"*'],
    ['"unbalanced', '"unbalanced"*'],
    ['AND OR NOT', '"AND" "OR" "NOT"*'],
    ['col:on', '"col" "on"*'],
    ['#buildinpublic', '"buildinpublic"*'],
    ['café crème', '"café" "crème"*'],
    ['日本語', '"日本語"*'],
    ['growth a', '"growth" "a"'],
    ['a', '"a"'],
  ])('%s → %s', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });

  it('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('  *** "" ')).toBeNull();
  });
});
