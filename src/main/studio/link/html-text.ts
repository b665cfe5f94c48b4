/**
 * Plain text out of a web page for a drafting prompt: the title, the meta description and the first
 * paragraphs. No HTML library is installed, so this is a deliberately small regex reader; its output
 * is only ever prompt text (never rendered as HTML), so the aim is clean text, not a full parser.
 */

export interface PageText {
  title: string;
  description: string;
  /** The first paragraphs, one per line. */
  excerpt: string;
}

const MAX_EXCERPT_CHARS = 3_000;
/** Paragraphs shorter than this are usually menus, bylines or cookie buttons. */
const MIN_PARAGRAPH_CHARS = 25;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/** Decodes the entities pages actually use; an unknown or invalid one is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Tags removed, entities decoded, whitespace collapsed. */
export function toPlainText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/gu, ' '))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Removes content that is never prose: comments, scripts, styles, templates, SVG. */
function withoutNonProse(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style|noscript|template|svg|iframe)\b[\s\S]*?<\/\1\s*>/giu, ' ');
}

/** The attributes of one start tag, names lower-cased (double, single or unquoted values). */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-z_:][-a-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/giu)) {
    const name = match[1]?.toLowerCase();
    if (name) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function metaDescription(html: string): string {
  let og = '';
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/giu)) {
    const attributes = attributesOf(tag);
    const key = (attributes.get('name') ?? attributes.get('property') ?? '').toLowerCase();
    const content = toPlainText(attributes.get('content') ?? '');
    if (key === 'description' && content) return content;
    if (key === 'og:description' && content && !og) og = content;
  }
  return og;
}

/** The title, description and first paragraphs of an HTML page as plain text. */
export function extractPageText(html: string): PageText {
  const clean = withoutNonProse(html);
  const title = toPlainText(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/iu.exec(clean)?.[1] ?? '');
  const paragraphs: string[] = [];
  let length = 0;
  for (const match of clean.matchAll(
    /<p\b[^>]*>([\s\S]*?)(?=<\/p\s*>|<p\b|<\/(?:div|section|article|main|body)\b)/giu,
  )) {
    const text = toPlainText(match[1] ?? '');
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    paragraphs.push(text);
    length += text.length;
    if (length >= MAX_EXCERPT_CHARS) break;
  }
  const excerpt = paragraphs.join('\n');
  return {
    title,
    description: metaDescription(clean),
    excerpt: excerpt.length > MAX_EXCERPT_CHARS ? `${excerpt.slice(0, MAX_EXCERPT_CHARS).trimEnd()} …` : excerpt,
  };
}

/** Plain text (a text/plain page) as a page excerpt. */
export function plainPageText(text: string): PageText {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  return { title: '', description: '', excerpt: collapsed.slice(0, MAX_EXCERPT_CHARS) };
}
