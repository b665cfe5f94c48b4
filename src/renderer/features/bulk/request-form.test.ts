import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/domain/profile';
import {
  defaultRequest,
  describeJobRequest,
  describeRequest,
  platformList,
  toPlanInput,
  validateRequest,
  type BulkRequestForm,
} from './request-form';

const profile: Profile = {
  name: 'Ada',
  niche: 'remote work',
  platforms: ['linkedin', 'x', 'bluesky'],
  timezone: 'Europe/Berlin',
  goal: { metric: 'followers', target: 1000, deadline: '2027-01-01' },
  cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] },
};

const valid: BulkRequestForm = {
  platforms: ['linkedin', 'x'],
  niche: 'remote work',
  postsPerWeek: '3',
  startDate: '2026-06-01',
  weeks: '4',
  formats: [],
};

describe('defaultRequest', () => {
  it('prefills niche, cadence and two platforms from the profile', () => {
    expect(defaultRequest(profile, '2026-06-01')).toEqual(valid);
  });

  it('starts empty without a profile', () => {
    expect(defaultRequest(null, '2026-06-01')).toMatchObject({ platforms: [], niche: '', postsPerWeek: '3' });
  });
});

describe('validateRequest', () => {
  it.each<[Partial<BulkRequestForm>, keyof BulkRequestForm]>([
    [{ platforms: [] }, 'platforms'],
    [{ niche: '  ' }, 'niche'],
    [{ postsPerWeek: '0' }, 'postsPerWeek'],
    [{ postsPerWeek: '2.5' }, 'postsPerWeek'],
    [{ weeks: '' }, 'weeks'],
    [{ weeks: '13' }, 'weeks'],
    [{ startDate: '' }, 'startDate'],
  ])('flags %j', (patch, field) => {
    expect(Object.keys(validateRequest({ ...valid, ...patch }))).toEqual([field]);
  });

  it('accepts a complete request', () => {
    expect(validateRequest(valid)).toEqual({});
  });
});

describe('describeRequest', () => {
  it('reads like the creator would ask', () => {
    expect(describeRequest(valid)).toBe('4 weeks of posts for LinkedIn and X about remote work, 3 per week');
  });

  it('lists three platforms with commas', () => {
    expect(platformList(['x', 'linkedin', 'bluesky'])).toBe('X, LinkedIn and Bluesky');
  });
});

describe('toPlanInput', () => {
  it('sends numbers and leaves formats out when none is picked', () => {
    expect(toPlanInput({ ...valid, niche: ' remote work ' })).toEqual({
      platforms: ['linkedin', 'x'],
      niche: 'remote work',
      postsPerWeek: 3,
      from: '2026-06-01',
      weeks: 4,
    });
    expect(toPlanInput({ ...valid, formats: ['story'] }).formats).toEqual(['story']);
  });
});

describe('describeJobRequest', () => {
  const request = { platforms: ['x' as const], niche: 'tea', postsPerWeek: 2, from: '2026-06-01' };
  it.each([
    [{ ...request, weeks: 1 }, '1 week of posts for X about tea, 2 per week'],
    [{ ...request, to: '2026-06-14' }, 'Posts from 2026-06-01 to 2026-06-14 for X about tea, 2 per week'],
  ])('describes %j', (input, text) => {
    expect(describeJobRequest(input)).toBe(text);
  });
});
