import { describe, expect, it } from 'vitest';
import { buildFacets, detectFacetDrafts, facetText, mentionedHandles } from './bluesky.facets';

describe('Bluesky facets use UTF-8 byte offsets', () => {
  const cases: { text: string; expected: { kind: string; covers: string; value: string }[] }[] = [
    {
      text: 'plain https://example.com/a',
      expected: [{ kind: 'link', covers: 'https://example.com/a', value: 'https://example.com/a' }],
    },
    {
      text: '🎉🎉 launch: https://cadence.app/x?y=1 now',
      expected: [{ kind: 'link', covers: 'https://cadence.app/x?y=1', value: 'https://cadence.app/x?y=1' }],
    },
    {
      text: '日本語のテキスト https://例え.jp/パス と #タグ',
      expected: [
        { kind: 'link', covers: 'https://例え.jp/パス', value: 'https://例え.jp/パス' },
        { kind: 'tag', covers: '#タグ', value: 'タグ' },
      ],
    },
    {
      text: '👨‍👩‍👧 family @ada.test and #café.',
      expected: [
        { kind: 'mention', covers: '@ada.test', value: 'ada.test' },
        { kind: 'tag', covers: '#café', value: 'café' },
      ],
    },
    {
      text: 'bare domain example.com, then e\u0301 @Bob.Example.com!',
      expected: [
        { kind: 'link', covers: 'example.com', value: 'https://example.com' },
        { kind: 'mention', covers: '@Bob.Example.com', value: 'Bob.Example.com' },
      ],
    },
    { text: 'no facets here, not even #123 or @nohandle', expected: [] },
  ];

  it.each(cases)('$text', ({ text, expected }) => {
    const drafts = detectFacetDrafts(text);
    expect(
      drafts.map((d) => ({
        kind: d.kind,
        covers: facetText(text, d),
        value: d.kind === 'link' ? d.uri : d.kind === 'tag' ? d.tag : d.handle,
      })),
    ).toEqual(expected);
  });

  it('byte offsets differ from UTF-16 indices once the text has emoji or CJK', () => {
    const text = '🎉 日本 https://example.com';
    const [link] = detectFacetDrafts(text);
    expect(link).toMatchObject({ byteStart: 12, byteEnd: 31 });
    expect(text.indexOf('https://')).toBe(6);
  });

  it('keeps resolved mentions as DIDs and drops unresolved ones, links and tags untouched', () => {
    const text = '@ada.test meets @ghost.test at https://x.example #meetup';
    const drafts = detectFacetDrafts(text);
    expect(mentionedHandles(drafts)).toEqual(['ada.test', 'ghost.test']);
    const facets = buildFacets(drafts, new Map([['ada.test', 'did:plc:ada']]));
    expect(facets.map((f) => [facetText(text, f.index), f.features[0]])).toEqual([
      ['@ada.test', { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:ada' }],
      ['https://x.example', { $type: 'app.bsky.richtext.facet#link', uri: 'https://x.example' }],
      ['#meetup', { $type: 'app.bsky.richtext.facet#tag', tag: 'meetup' }],
    ]);
  });
});
