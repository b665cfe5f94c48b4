import { describe, expect, it } from 'vitest';
import { REPORT_METRICS } from '../../../shared/contract/reports';
import { hourLabel, METRIC_LABELS, scheduleSentence, toggleIn } from './report-text';

describe('report texts', () => {
  it('labels every metric a report can show', () => {
    expect(REPORT_METRICS.every((m) => METRIC_LABELS[m].length > 0)).toBe(true);
  });

  it('says when the weekly report is made', () => {
    expect(scheduleSentence({ enabled: true, weekday: 'mon', hour: 8 }, 'Europe/Paris')).toBe(
      'Every Monday at 08:00 (Europe/Paris).',
    );
    expect(scheduleSentence({ enabled: false, weekday: 'mon', hour: 8 })).toBe(
      'Off: weekly reports are made only when you ask.',
    );
    expect(hourLabel(17)).toBe('17:00');
  });

  it('toggles values in their canonical order', () => {
    expect(toggleIn(['likes'], 'impressions', REPORT_METRICS)).toEqual(['impressions', 'likes']);
    expect(toggleIn(['impressions', 'likes'], 'likes', REPORT_METRICS)).toEqual(['impressions']);
  });
});
