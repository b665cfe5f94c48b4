import { TZDate } from '@date-fns/tz';

/** What the success-factor model needs to know about one published post. */
export interface PostForFeatures {
  text: string;
  /** ISO instant. */
  publishedAt: string;
  /** The creator's IANA time zone: "morning" means their morning, not the server's. */
  timezone: string;
  format: string | null;
  mediaCount: number;
  hashtags: string[];
}

export type HookType = 'question' | 'number' | 'how-to' | 'story' | 'statement';

/**
 * The kind of opening line, from its wording alone: cheap, explainable rules rather than a model,
 * so a creator can see why a post was put in a bucket. First match wins, in this order.
 */
export function hookType(firstLine: string): HookType {
  const line = firstLine.trim();
  if (/^(here'?s |this is )?how (to|i|we)\b/i.test(line)) return 'how-to';
  if (line.includes('?')) return 'question';
  if (/^[$€£#]?\d/.test(line)) return 'number';
  if (/^(i|i['’](m|ve|d)|my|when i|yesterday|last (week|month|year))\b/i.test(line)) return 'story';
  return 'statement';
}

function timeOfDay(hour: number): 'morning' | 'afternoon' | 'evening' | 'night' {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

const slug = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/**
 * The indicator features of one post (every key present has value 1; absent keys mean 0). Buckets
 * instead of raw numbers because "short posts do better" is advice a creator can act on, and a
 * handful of 0/1 columns stays estimable from the few dozen posts a solo creator has.
 */
export function postFeatures(post: PostForFeatures): Record<string, number> {
  const f: Record<string, number> = {};
  const format = post.format === null ? '' : slug(post.format);
  if (format) f[`format:${format}`] = 1;

  const length = Array.from(post.text).length;
  f[`length:${length < 100 ? 'short' : length <= 500 ? 'medium' : 'long'}`] = 1;

  const firstLine = post.text.split('\n').find((l) => l.trim() !== '');
  if (firstLine !== undefined) f[`hook:${hookType(firstLine)}`] = 1;

  const tags = post.hashtags.length;
  f[`hashtags:${tags === 0 ? '0' : tags <= 3 ? '1-3' : '4+'}`] = 1;
  if (post.mediaCount > 0) f['has:media'] = 1;
  if (/https?:\/\/|\bwww\./i.test(post.text)) f['has:link'] = 1;

  const local = new TZDate(post.publishedAt, post.timezone);
  f[`time:${timeOfDay(local.getHours())}`] = 1;
  const day = local.getDay();
  if (day === 0 || day === 6) f.weekend = 1;
  return f;
}

const LABELS: Record<string, string> = {
  'length:short': 'Short post (under 100 characters)',
  'length:medium': 'Medium post (100–500 characters)',
  'length:long': 'Long post (over 500 characters)',
  'hook:question': 'Opens with a question',
  'hook:number': 'Opens with a number',
  'hook:how-to': 'Opens with “how to”',
  'hook:story': 'Opens with a personal story (“I…”)',
  'hook:statement': 'Opens with a bold statement',
  'hashtags:0': 'No hashtags',
  'hashtags:1-3': '1–3 hashtags',
  'hashtags:4+': '4 or more hashtags',
  'has:media': 'Has images or video',
  'has:link': 'Contains a link',
  'time:morning': 'Posted in the morning (5:00–12:00)',
  'time:afternoon': 'Posted in the afternoon (12:00–17:00)',
  'time:evening': 'Posted in the evening (17:00–22:00)',
  'time:night': 'Posted at night (22:00–5:00)',
  weekend: 'Posted on a weekend',
};

/** A human-readable label for a feature key; unknown keys (caller-built features) come back unchanged. */
export function featureLabel(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  if (key.startsWith('format:')) {
    const name = key.slice('format:'.length).replace(/-/g, ' ');
    return `${name.charAt(0).toUpperCase()}${name.slice(1)} format`;
  }
  return key;
}
