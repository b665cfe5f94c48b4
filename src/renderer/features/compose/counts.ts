import type { Platform } from '../../../shared/domain/platform';
import { countText, type CountResult } from '../../../shared/platforms';
import { splitThread } from '../../../shared/platforms/thread';
import { THREAD_PLATFORMS } from '../studio/tools/thread-counts';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';

/** One line of the character-count panel. */
export interface CountRow {
  key: string;
  platform: Platform;
  /** "X", or "YouTube title" for a secondary field. */
  label: string;
  /** The platform's name for the field ("Caption", "Description"). */
  field: string;
  count: number;
  limit: number;
  unit: 'characters' | 'bytes';
  /** By how much the text is over the limit (0 when it fits). */
  overBy: number;
  /** Extra caps that are exceeded, e.g. "31 hashtags (max 30)". */
  problems: string[];
  over: boolean;
}

function extraProblems(result: CountResult): string[] {
  const problems: string[] = [];
  const check = (value: number | undefined, max: number | undefined, noun: string) => {
    if (value !== undefined && max !== undefined && value > max) problems.push(`${value} ${noun} (max ${max})`);
  };
  check(result.hashtags, result.hashtagLimit, 'hashtags');
  check(result.mentions, result.mentionLimit, 'mentions');
  check(result.links, result.linkLimit, 'links');
  check(result.bytes, result.byteLimit, 'bytes');
  return problems;
}

function toRow(result: CountResult, label: string, fieldLabel: string): CountRow {
  const overBy = Math.max(0, result.count - result.limit);
  return {
    key: `${result.platform}:${result.field}`,
    platform: result.platform,
    label,
    field: fieldLabel,
    count: result.count,
    limit: result.limit,
    unit: result.countingMethod === 'utf8-bytes' ? 'bytes' : 'characters',
    overBy,
    problems: extraProblems(result),
    over: result.over,
  };
}

function fieldLabel(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/**
 * The counts for the selected platforms, in the usual platform order: the body against each
 * platform's main field, plus the title against YouTube's video title.
 */
export function countRows(content: { title: string; body: string }, platforms: readonly Platform[]): CountRow[] {
  const rows: CountRow[] = [];
  for (const platform of ALL_PLATFORMS) {
    if (!platforms.includes(platform)) continue;
    const parts = THREAD_PLATFORMS.includes(platform) ? splitThread(content.body) : [];
    if (parts.length > 1) {
      // A thread is measured by its longest part (each part is posted on its own).
      const counts = parts.map((part) => countText(platform, part));
      const longest = counts.reduce((a, b) => (b.count > a.count ? b : a));
      const row = toRow({ ...longest, over: counts.some((c) => c.over) }, PLATFORM_LABELS[platform], 'Thread');
      rows.push({ ...row, field: `Thread of ${parts.length}, longest part` });
      continue;
    }
    const body = countText(platform, content.body);
    rows.push(toRow(body, PLATFORM_LABELS[platform], fieldLabel(body.field)));
    if (platform === 'youtube') {
      const title = countText('youtube', content.title, { field: 'title' });
      rows.push(toRow(title, 'YouTube title', 'Title'));
    }
  }
  return rows;
}

/** "12 over" / "268 left" for a row. */
export function describeRemaining(row: CountRow): string {
  const noun = row.unit === 'bytes' ? 'bytes' : 'characters';
  if (row.overBy > 0) return `${row.overBy.toLocaleString()} ${noun} over`;
  return `${(row.limit - row.count).toLocaleString()} left`;
}
