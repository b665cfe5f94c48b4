import type { FieldIssue } from '../../../shared/contract/errors';
import { parseNumber, type ProfileFormValues } from './profileForm';

/** Every field the form can point an error at, named by its path in the profile. */
export const PROFILE_FIELDS = [
  'name',
  'niche',
  'platforms',
  'timezone',
  'goal.metric',
  'goal.target',
  'goal.deadline',
  'cadence.postsPerWeek',
  'cadence.days',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** One line of the summary at the top; `field` is absent for problems no field owns. */
export interface SummaryItem {
  field?: ProfileField;
  message: string;
}

/** The visible label of each field, for the summary ("Deadline: …"). */
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  name: 'Name',
  niche: 'Niche',
  platforms: 'Platforms',
  timezone: 'Time zone',
  'goal.metric': 'Goal metric',
  'goal.target': 'Target',
  'goal.deadline': 'Deadline',
  'cadence.postsPerWeek': 'Posts per week',
  'cadence.days': 'Posting days',
};

/** Which form value each field edits, so typing in a field clears its error. */
export const FIELD_OF_VALUE: Record<keyof ProfileFormValues, ProfileField> = {
  name: 'name',
  niche: 'niche',
  platforms: 'platforms',
  timezone: 'timezone',
  metric: 'goal.metric',
  target: 'goal.target',
  deadline: 'goal.deadline',
  postsPerWeek: 'cadence.postsPerWeek',
  days: 'cadence.days',
};

/** The field an issue path belongs to: ['platforms', 2] -> platforms; unknown paths -> undefined. */
export function fieldForPath(path: readonly (string | number)[]): ProfileField | undefined {
  const joined = path.join('.');
  return PROFILE_FIELDS.find((field) => joined === field || joined.startsWith(`${field}.`));
}

/** Places server issues beside their fields (first message per field) and lists all of them. */
export function mapIssues(issues: readonly FieldIssue[]): { errors: ProfileErrors; summary: SummaryItem[] } {
  const errors: ProfileErrors = {};
  const summary: SummaryItem[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path);
    if (field === undefined) {
      summary.push({ message: issue.message });
    } else if (errors[field] === undefined) {
      errors[field] = issue.message;
      summary.push({ field, message: issue.message });
    }
  }
  return { errors, summary: sortSummary(summary) };
}

/** Summary lines in the order the fields appear on screen. */
export function sortSummary(items: SummaryItem[]): SummaryItem[] {
  const rank = (item: SummaryItem) => (item.field ? PROFILE_FIELDS.indexOf(item.field) : PROFILE_FIELDS.length);
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/**
 * The obvious problems, caught before sending, with the server's own wording. `today` is
 * YYYY-MM-DD in the chosen time zone, the day the server compares the deadline with.
 */
export function validateProfileForm(values: ProfileFormValues, today: string): ProfileErrors {
  const errors: ProfileErrors = {};
  if (!values.name.trim()) errors.name = 'Your name is required';
  if (!values.niche.trim()) errors.niche = 'Your niche is required';
  if (values.platforms.length === 0) errors.platforms = 'Pick at least one platform';
  if (!values.timezone) errors.timezone = 'Pick your time zone';

  const target = parseNumber(values.target);
  if (values.target.trim() === '') errors['goal.target'] = 'Enter a target number';
  else if (!Number.isFinite(target)) errors['goal.target'] = 'The target must be a number';
  else if (target <= 0) errors['goal.target'] = 'The target must be above zero';

  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.deadline)) errors['goal.deadline'] = 'Pick a deadline date';
  else if (values.deadline <= today) errors['goal.deadline'] = `The deadline must be after today (${today})`;

  const perWeek = parseNumber(values.postsPerWeek);
  if (values.postsPerWeek.trim() === '' || !Number.isFinite(perWeek))
    errors['cadence.postsPerWeek'] = 'Posts per week must be a number';
  else if (!Number.isInteger(perWeek)) errors['cadence.postsPerWeek'] = 'Posts per week must be a whole number';
  else if (perWeek < 1) errors['cadence.postsPerWeek'] = 'Plan at least one post a week';
  else if (perWeek > 70) errors['cadence.postsPerWeek'] = 'At most 70 posts a week';

  if (values.days.length === 0) errors['cadence.days'] = 'Pick at least one day';
  return errors;
}

export function summaryOf(errors: ProfileErrors): SummaryItem[] {
  return PROFILE_FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field, message }] : [];
  });
}
