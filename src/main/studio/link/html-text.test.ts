import { describe, expect, it } from 'vitest';
import { decodeEntities, extractPageText } from './html-text';

const PAGE = `<!doctype html><html><head>
<title>Rye &amp; Starters | The Bakery</title>
<meta property="og:description" content="OG text">
<meta name='description' content="Why rye &quot;wakes&quot; a starter">
<style>p { color: red }</style>
<script>document.write('<p>not prose at all, this is a script</p>')</script>
</head><body>
<nav><p>Home</p></nav>
<!-- <p>a commented-out paragraph that is long enough</p> -->
<p class="lead">Rye flour carries <b>more wild yeast</b> than wheat&nbsp;flour does.</p>
<p>A sluggish starter often wakes up after two rye feedings &#8212; try it.
<p>Unclosed paragraph followed by the end of the article body text.</div>
</body></html>`;

describe('extractPageText', () => {
  it('reads the title, the meta description and the prose paragraphs as plain text', () => {
    expect(extractPageText(PAGE)).toEqual({
      title: 'Rye & Starters | The Bakery',
      description: 'Why rye "wakes" a starter',
      excerpt: [
        'Rye flour carries more wild yeast than wheat flour does.',
        'A sluggish starter often wakes up after two rye feedings — try it.',
        'Unclosed paragraph followed by the end of the article body text.',
      ].join('\n'),
    });
  });

  it('falls back to og:description and copes with a page without any of it', () => {
    expect(extractPageText('<meta property="og:description" content="Only OG">').description).toBe('Only OG');
    expect(extractPageText('just text, no tags')).toEqual({ title: '', description: '', excerpt: '' });
  });

  it('caps the excerpt', () => {
    const long = `<p>${'Rye is good for starters. '.repeat(400)}</p>`;
    expect(extractPageText(long).excerpt.length).toBeLessThanOrEqual(3_002);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&lt;b&gt;', '<b>'],
    ['&#x1F35E; bread', '🍞 bread'],
    ['&#0; &#xD800; &bogus;', '&#0; &#xD800; &bogus;'],
  ])('%s', (input, expected) => expect(decodeEntities(input)).toBe(expected));
});
