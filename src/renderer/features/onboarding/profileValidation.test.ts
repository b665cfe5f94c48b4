import { describe, expect, it } from 'vitest';
import { emptyProfileForm, formToProfile, type ProfileFormValues } from './profileForm';
import { fieldForPath, mapIssues, summaryOf, validateProfileForm } from './profileValidation';

const valid: ProfileFormValues = {
  ...emptyProfileForm('Europe/Paris', '2026-11-25'),
  name: 'Ada',
  niche: 'Engines',
  platforms: ['x'],
  target: '10,000',
};

describe('validateProfileForm', () => {
  it('accepts a complete form', () => {
    expect(validateProfileForm(valid, '2026-11-25')).toEqual({});
  });

  it('reports empty name, niche, platforms and days with the server wording', () => {
    const errors = validateProfileForm({ ...valid, name: '  ', niche: '', platforms: [], days: [] }, '2026-11-25');
    expect(errors).toMatchObject({
      name: 'Your name is required',
      niche: 'Your niche is required',
      platforms: 'Pick at least one platform',
      'cadence.days': 'Pick at least one day',
    });
  });

  it('rejects a deadline that is today or past, naming today', () => {
    expect(validateProfileForm({ ...valid, deadline: '2026-11-25' }, '2026-11-25')['goal.deadline']).toBe(
      'The deadline must be after today (2026-11-25)',
    );
    expect(validateProfileForm({ ...valid, deadline: '' }, '2026-11-25')['goal.deadline']).toBe('Pick a deadline date');
  });

  it('checks numbers', () => {
    expect(validateProfileForm({ ...valid, target: 'lots' }, '2026-11-25')['goal.target']).toBe(
      'The target must be a number',
    );
    expect(validateProfileForm({ ...valid, target: '0' }, '2026-11-25')['goal.target']).toBe(
      'The target must be above zero',
    );
    expect(validateProfileForm({ ...valid, postsPerWeek: '2.5' }, '2026-11-25')['cadence.postsPerWeek']).toBe(
      'Posts per week must be a whole number',
    );
    expect(validateProfileForm({ ...valid, postsPerWeek: '71' }, '2026-11-25')['cadence.postsPerWeek']).toBe(
      'At most 70 posts a week',
    );
  });

  it('lists problems in on-screen order', () => {
    const errors = validateProfileForm({ ...valid, name: '', days: [], target: '' }, '2026-11-25');
    expect(summaryOf(errors).map((item) => item.field)).toEqual(['name', 'goal.target', 'cadence.days']);
  });
});

describe('mapping server issues to fields', () => {
  it('finds the field of nested and indexed paths', () => {
    expect(fieldForPath(['goal', 'deadline'])).toBe('goal.deadline');
    expect(fieldForPath(['platforms', 3])).toBe('platforms');
    expect(fieldForPath(['cadence', 'days', 0])).toBe('cadence.days');
    expect(fieldForPath(['goal'])).toBeUndefined();
    expect(fieldForPath([])).toBeUndefined();
  });

  it('puts the first message per field beside it and keeps the rest in the summary', () => {
    const { errors, summary } = mapIssues([
      { path: ['goal', 'deadline'], message: 'The deadline must be after today (2026-11-25)' },
      { path: ['name'], message: 'Your name is required' },
      { path: ['name'], message: 'second message for name' },
      { path: ['mystery'], message: 'Unrecognized key' },
    ]);
    expect(errors).toEqual({
      name: 'Your name is required',
      'goal.deadline': 'The deadline must be after today (2026-11-25)',
    });
    expect(summary).toEqual([
      { field: 'name', message: 'Your name is required' },
      { field: 'goal.deadline', message: 'The deadline must be after today (2026-11-25)' },
      { message: 'Unrecognized key' },
    ]);
  });
});

describe('formToProfile', () => {
  it('trims text, parses numbers and orders lists canonically', () => {
    const profile = formToProfile(
      { ...valid, name: ' Ada ', platforms: ['linkedin', 'x'], days: ['fri', 'mon'], postsPerWeek: '4' },
      ['x', 'linkedin'],
    );
    expect(profile).toMatchObject({
      name: 'Ada',
      platforms: ['x', 'linkedin'],
      goal: { target: 10000 },
      cadence: { postsPerWeek: 4, days: ['mon', 'fri'] },
    });
  });
});
