import type { BulkFormat, BulkPlanInput, BulkRequest } from '../../../shared/domain/bulk';
import { MAX_BULK_WEEKS } from '../../../shared/domain/bulk';
import type { Platform } from '../../../shared/domain/platform';
import type { Profile } from '../../../shared/domain/profile';
import { PLATFORM_LABELS } from '../../ui/platforms';

/** The bulk request form's raw values (numbers as typed, so a half-typed field stays editable). */
export interface BulkRequestForm {
  platforms: Platform[];
  niche: string;
  postsPerWeek: string;
  /** YYYY-MM-DD in the creator's time zone. */
  startDate: string;
  weeks: string;
  formats: BulkFormat[];
}

export type RequestErrors = Partial<Record<keyof BulkRequestForm, string>>;

export const MAX_WEEKS = MAX_BULK_WEEKS;
export const MAX_POSTS_PER_WEEK = 21;

/** The form prefilled from the profile: its platforms (at most two), niche and cadence, 4 weeks from tomorrow. */
export function defaultRequest(profile: Profile | null, tomorrow: string): BulkRequestForm {
  return {
    platforms: profile?.platforms.slice(0, 2) ?? [],
    niche: profile?.niche ?? '',
    postsPerWeek: String(profile?.cadence.postsPerWeek ?? 3),
    startDate: tomorrow,
    weeks: '4',
    formats: [],
  };
}

function wholeNumber(raw: string): number | null {
  const value = Number(raw.trim());
  return raw.trim() !== '' && Number.isInteger(value) ? value : null;
}

/** The problems the form can see before asking the server (which checks again). */
export function validateRequest(form: BulkRequestForm): RequestErrors {
  const errors: RequestErrors = {};
  if (form.platforms.length === 0) errors.platforms = 'Pick at least one platform';
  if (form.niche.trim() === '') errors.niche = 'Say what the posts are about';
  const perWeek = wholeNumber(form.postsPerWeek);
  if (perWeek === null || perWeek < 1 || perWeek > MAX_POSTS_PER_WEEK) {
    errors.postsPerWeek = `Posts per week must be a whole number from 1 to ${MAX_POSTS_PER_WEEK}`;
  }
  const weeks = wholeNumber(form.weeks);
  if (weeks === null || weeks < 1 || weeks > MAX_WEEKS) {
    errors.weeks = `Weeks must be a whole number from 1 to ${MAX_WEEKS}`;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(form.startDate)) errors.startDate = 'Pick a start date';
  return errors;
}

/** "LinkedIn and X", "X, LinkedIn and Bluesky". */
export function platformList(platforms: readonly Platform[]): string {
  const names = platforms.map((platform) => PLATFORM_LABELS[platform]);
  if (names.length <= 1) return names[0] ?? 'no platform';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** The request in words: "4 weeks of posts for LinkedIn and X about remote work, 3 per week". */
export function describeRequest(form: BulkRequestForm): string {
  const weeks = wholeNumber(form.weeks) ?? 0;
  const perWeek = wholeNumber(form.postsPerWeek) ?? 0;
  const span = weeks === 1 ? '1 week' : `${weeks} weeks`;
  const about = form.niche.trim() ? ` about ${form.niche.trim()}` : '';
  return `${span} of posts for ${platformList(form.platforms)}${about}, ${perWeek} per week`;
}

/** A saved job's request in words; a plan made with an end date says "from … to …". */
export function describeJobRequest(request: BulkRequest): string {
  const about = ` about ${request.niche}`;
  const span =
    request.weeks === undefined
      ? `Posts from ${request.from} to ${request.to ?? '?'}`
      : `${request.weeks === 1 ? '1 week' : `${request.weeks} weeks`} of posts`;
  return `${span} for ${platformList(request.platforms)}${about}, ${request.postsPerWeek} per week`;
}

/** The plan input for the server: formats only when some are picked (none means "rotate all"). */
export function toPlanInput(form: BulkRequestForm): BulkPlanInput {
  return {
    platforms: form.platforms,
    niche: form.niche.trim(),
    postsPerWeek: Number(form.postsPerWeek),
    from: form.startDate,
    weeks: Number(form.weeks),
    ...(form.formats.length > 0 ? { formats: form.formats } : {}),
  };
}
