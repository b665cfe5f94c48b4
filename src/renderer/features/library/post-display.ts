import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Post } from '../../../shared/domain/post';

/** What a list shows as a post's name: its title, else the first line of the body. */
export function postHeadline(post: Pick<Post, 'title' | 'body'>): string {
  const title = post.title.trim();
  if (title) return title;
  const firstLine = post.body
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean);
  if (!firstLine) return 'Untitled post';
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine;
}

/** The date a list shows: when it goes out if scheduled, else when it was last edited. */
export function postDateLabel(
  post: Pick<Post, 'scheduledAt' | 'updatedAt' | 'status'>,
  timeZone: string,
  now: Date = new Date(),
): { kind: 'Scheduled' | 'Published' | 'Updated'; text: string; iso: string } {
  const iso = post.scheduledAt ?? post.updatedAt;
  const kind = post.scheduledAt ? (post.status === 'published' ? 'Published' : 'Scheduled') : 'Updated';
  const date = new TZDate(new Date(iso).getTime(), timeZone);
  const sameYear = date.getFullYear() === new TZDate(now.getTime(), timeZone).getFullYear();
  return { kind, iso, text: format(date, sameYear ? 'MMM d, h:mm a' : 'MMM d, yyyy, h:mm a') };
}
