import { describe, expect, it } from 'vitest';
import { goalStatusFixture } from './goal-status.fixture';
import {
  daysLeftText,
  describeTarget,
  formatGoalValue,
  formatProbability,
  methodText,
  paceText,
  probabilityText,
  progressText,
} from './goal-text';

const L = 'en-US';

describe('formatGoalValue', () => {
  it.each([
    [4300, 'count', '4,300'],
    [4300.4, 'count', '4,300'],
    [2.5, 'count', '2.5'],
    [0.0321, 'fraction', '3.2 %'],
    [0.05, 'fraction', '5 %'],
    [2500.5, 'money', '2,500.5'],
    [Number.NaN, 'count', '—'],
  ] as const)('%s as %s reads %s', (value, unit, expected) => {
    expect(formatGoalValue(value, unit, L)).toBe(expected);
  });
});

describe('describeTarget', () => {
  it.each([
    ['followers', 5000, 'count', '5,000 followers'],
    ['impressions', 100000, 'count', '100,000 impressions'],
    ['engagement_rate', 0.04, 'fraction', 'a 4 % engagement rate'],
    ['posts_published', 40, 'count', '40 posts published'],
    ['revenue', 2500, 'money', '2,500 in revenue'],
  ] as const)('%s %s', (metric, target, unit, expected) => {
    expect(describeTarget(metric, target, unit, L)).toBe(expected);
  });
});

describe('formatProbability', () => {
  it.each([
    [0.62, '62 %'],
    [0, '0 %'],
    [1, '100 %'],
    [0.004, '< 1 %'],
    [0.996, '> 99 %'],
    [0.505, '51 %'],
  ])('%s reads %s', (p, expected) => {
    expect(formatProbability(p)).toBe(expected);
  });
});

describe('probabilityText', () => {
  it('says the chance, the interval and the method in one sentence', () => {
    const text = probabilityText(goalStatusFixture(), L);
    expect(text).toEqual({
      available: true,
      figure: '62 %',
      headline: '62 % chance to reach 5,000 followers by Mar 31, 2027',
      interval: 'forecast 4,300–5,600 (80 % interval)',
      method: 'from the average daily change over your last 90 days',
      sentence:
        '62 % chance to reach 5,000 followers by Mar 31, 2027 — forecast 4,300–5,600 (80 % interval), from the average daily change over your last 90 days',
    });
  });

  it('gives the honest reason when there is no forecast', () => {
    const status = goalStatusFixture({
      forecast: {
        available: false,
        reason: 'Not enough data yet: 3 days of data, need 7.',
        daysOfData: 3,
        daysNeeded: 7,
      },
    });
    expect(probabilityText(status, L)).toEqual({
      available: false,
      reason: 'Not enough data yet: 3 days of data, need 7.',
    });
  });

  it('names the trend method', () => {
    expect(methodText('trend', 90)).toBe('from the trend of your last 90 days');
    expect(methodText('drift', 1)).toBe('from the average daily change over your last 1 day');
  });
});

describe('progress and pace', () => {
  it('states progress from the baseline', () => {
    expect(progressText(goalStatusFixture(), L)).toBe('3,200 now, up from 2,000 at the start: 40 % of the way.');
    expect(progressText(goalStatusFixture({ current: 1900, progressPercent: -3.3 }), L)).toBe(
      '1,900 now, down from 2,000 at the start: -3 % of the way.',
    );
    expect(progressText(goalStatusFixture({ progressPercent: null }), L)).toBe(
      '3,200 now, up from 2,000 at the start.',
    );
  });

  it('compares with where the needed path is today', () => {
    expect(paceText(goalStatusFixture(), L)).toBe('300 behind the needed path (3,500 today).');
    expect(paceText(goalStatusFixture({ current: 3600 }), L)).toBe('100 ahead of the needed path (3,500 today).');
    expect(paceText(goalStatusFixture({ current: 3500 }), L)).toBe('Exactly on the needed path (3,500 today).');
  });

  it('does not present a missing value as zero', () => {
    const status = goalStatusFixture({ series: [], current: 0, baseline: 0, neededToday: 40 });
    expect(progressText(status, L)).toMatch(/^No data for this metric yet/);
    expect(paceText(status, L)).toBe('The needed path is at 40 today.');
  });

  it('reads a falling goal the right way round', () => {
    // Lowering a number (e.g. a target below the baseline): being under the path is ahead.
    const status = goalStatusFixture({
      baseline: 5000,
      current: 3000,
      neededToday: 3500,
      goal: { ...goalStatusFixture().goal, target: 1000 },
    });
    expect(paceText(status, L)).toBe('500 ahead of the needed path (3,500 today).');
  });

  it('counts the days left', () => {
    expect(daysLeftText(12)).toBe('12 days left');
    expect(daysLeftText(1)).toBe('1 day left');
    expect(daysLeftText(0)).toBe('Due today');
    expect(daysLeftText(-1)).toBe('1 day past the deadline');
    expect(daysLeftText(-4)).toBe('4 days past the deadline');
  });
});
