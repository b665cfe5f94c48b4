import { describe, expect, it } from 'vitest';
import { markQuery, parseSnippet, snippetText } from './snippet-marks';

describe('parseSnippet', () => {
  it('splits plain and marked text', () => {
    expect(parseSnippet('…the \u0002launch\u0003 of our \u0002launchpad\u0003 app')).toEqual([
      { text: '…the ', marked: false },
      { text: 'launch', marked: true },
      { text: ' of our ', marked: false },
      { text: 'launchpad', marked: true },
      { text: ' app', marked: false },
    ]);
  });

  it('keeps markup as text, since it is rendered as text', () => {
    expect(parseSnippet('<b>\u0002x\u0003</b>')).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
  });

  it('tolerates unbalanced marks and empty input', () => {
    expect(parseSnippet('')).toEqual([]);
    expect(parseSnippet('a\u0003b')).toEqual([{ text: 'ab', marked: false }]);
    expect(parseSnippet('a\u0002b')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
    ]);
  });

  it('merges adjacent marked runs and keeps emoji whole', () => {
    expect(parseSnippet('\u0002a\u0003\u0002b\u0003 🎉')).toEqual([
      { text: 'ab', marked: true },
      { text: ' 🎉', marked: false },
    ]);
  });

  it('strips marks for plain text', () => {
    expect(snippetText('a \u0002b\u0003 c')).toBe('a b c');
  });
});

describe('markQuery', () => {
  it('marks word starts case-insensitively', () => {
    expect(markQuery('Launch thread: relaunching', 'laun')).toEqual([
      { text: 'Laun', marked: true },
      { text: 'ch thread: relaunching', marked: false },
    ]);
  });

  it('marks several words and treats regex characters literally', () => {
    expect(markQuery('C++ (tips) and tricks', 'tips c++ "tr')).toEqual([
      { text: 'C', marked: true },
      { text: '++ (', marked: false },
      { text: 'tips', marked: true },
      { text: ') and ', marked: false },
      { text: 'tr', marked: true },
      { text: 'icks', marked: false },
    ]);
  });

  it('returns the plain text without searchable words', () => {
    expect(markQuery('Hello', '  !! ')).toEqual([{ text: 'Hello', marked: false }]);
    expect(markQuery('', 'x')).toEqual([]);
  });
});
