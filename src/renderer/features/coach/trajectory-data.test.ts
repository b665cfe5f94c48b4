import { describe, expect, it } from 'vitest';
import { goalStatusFixture } from './goal-status.fixture';
import {
  MAX_CHART_POINTS,
  trajectoryChartData,
  trajectoryInput,
  trajectoryRows,
  trajectorySummary,
} from './trajectory-data';

describe('trajectoryRows', () => {
  it('merges actual, needed and forecast onto sorted days, starting the band at the last actual value', () => {
    const rows = trajectoryRows(trajectoryInput(goalStatusFixture()));
    expect(rows).toEqual([
      { date: '2026-11-28', actual: 3100, needed: null, point: null, lower: null, upper: null },
      { date: '2026-11-29', actual: 3150, needed: 3400, point: null, lower: null, upper: null },
      { date: '2026-11-30', actual: 3200, needed: 3500, point: 3200, lower: 3200, upper: 3200 },
      { date: '2026-12-01', actual: null, needed: 3510, point: 3210, lower: 3190, upper: 3230 },
      { date: '2026-12-02', actual: null, needed: null, point: 3220, lower: 3185, upper: 3255 },
    ]);
  });

  it('draws no band without a forecast', () => {
    const status = goalStatusFixture({
      forecast: { available: false, reason: 'Not enough data yet', daysOfData: 2, daysNeeded: 7 },
    });
    const rows = trajectoryRows(trajectoryInput(status));
    expect(rows.every((r) => r.point === null && r.lower === null && r.upper === null)).toBe(true);
    expect(rows).toHaveLength(4);
  });

  it('thins long series but keeps both ends and the start of the band', () => {
    const days = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 0, 1 + from + i)).toISOString().slice(0, 10));
    const actualDays = days(0, 700);
    const forecastDays = days(700, 301);
    const rows = trajectoryRows({
      actual: actualDays.map((date, i) => ({ date, value: i })),
      needed: [],
      forecast: forecastDays.map((date, i) => ({ date, point: 700 + i, lower: 690 + i, upper: 710 + i })),
    });
    expect(rows.length).toBeLessThanOrEqual(MAX_CHART_POINTS + 2);
    expect(rows[0]?.date).toBe(actualDays[0]);
    expect(rows.at(-1)?.date).toBe(forecastDays.at(-1));
    const bandStart = rows.findIndex((r) => r.point !== null);
    // The band begins exactly at the last actual day, which survives thinning.
    expect(rows[bandStart]?.date).toBe(actualDays.at(-1));
  });
});

describe('trajectoryChartData', () => {
  it('gives uPlot x in UTC seconds and one column per series', () => {
    const data = trajectoryChartData([{ date: '2026-12-01', actual: 1, needed: 2, point: 3, lower: 2.5, upper: 3.5 }]);
    expect(data).toEqual([[Date.UTC(2026, 11, 1) / 1000], [1], [2], [3], [3.5], [2.5]]);
  });
});

describe('trajectorySummary', () => {
  it('says the chart in words', () => {
    expect(trajectorySummary(goalStatusFixture(), 'en-US')).toBe(
      'Actual: 3,200 today. Needed: 3,500 today, 5,000 by Mar 31, 2027. Forecast for Mar 31, 2027: 4,900 (80 % interval 4,300–5,600).',
    );
  });

  it('says when there is no actual data or forecast yet', () => {
    const status = goalStatusFixture({
      series: [],
      forecast: { available: false, reason: 'Not enough data yet', daysOfData: 0, daysNeeded: 7 },
    });
    expect(trajectorySummary(status, 'en-US')).toBe(
      'No actual values yet. Needed: 3,500 today, 5,000 by Mar 31, 2027. No forecast yet.',
    );
  });
});
