import { describe, expect, it } from 'vitest';
import { type Anomaly, detectAnomalies, likelyCause, NO_CLEAR_CAUSE, SCORE_CAP } from './anomalies';
import { addDays } from './growth';

/** Daily points from 2025-03-01 on. */
const daily = (values: number[]) => values.map((value, i) => ({ date: addDays('2025-03-01', i), value }));
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 12 : 10));

describe('detectAnomalies', () => {
  // 14 days alternating 10/12: median 11, every |x − 11| = 1 so MAD = 1, scale = 1.4826.
  it.each([
    // (17 − 11)/1.4826 = 4.047 ≥ 3.5 → spike
    [17, 'spike', 4.047],
    // (5 − 11)/1.4826 = −4.047 → drop
    [5, 'drop', -4.047],
  ])('flags %d after a steady fortnight', (value, direction, score) => {
    const found = detectAnomalies(daily([...alternating(14), value]));
    expect(found).toHaveLength(1);
    const a = found[0] as Anomaly;
    expect(a).toMatchObject({ date: '2025-03-15', value, expected: 11, direction });
    expect(a.score).toBeCloseTo(score, 3);
  });

  it('leaves a day below the threshold alone', () => {
    // (16 − 11)/1.4826 = 3.372 < 3.5
    expect(detectAnomalies(daily([...alternating(14), 16]))).toEqual([]);
  });

  it('does not judge days before 14 days of history', () => {
    expect(detectAnomalies(daily([10, 12, 500, ...alternating(10)]))).toEqual([]);
  });

  it('compares only against the trailing window', () => {
    // window 28 sees only the alternating days: z = 4.047. With window 40 the old regime of 100s joins:
    // median of 14×10, 14×12, 12×100 = 12; deviations 14×2, 14×0, 12×88 → MAD 2, z = 5/2.9652 = 1.686.
    const values = [...Array.from({ length: 12 }, () => 100), ...alternating(28), 17];
    // (the fall from 100 to 10/12 is itself flagged as drops; only the last day matters here)
    expect(detectAnomalies(daily(values)).map((a) => a.date)).toContain('2025-04-10');
    expect(detectAnomalies(daily(values), { window: 40 }).map((a) => a.date)).not.toContain('2025-04-10');
  });

  it('falls back to the mean absolute deviation when MAD is 0, and caps flat windows', () => {
    // 13 zeros and one 2: MAD 0; mean |x − 0| = 2/14, scale = 1.2533 · 0.142857 = 0.17904; z = 1/0.17904 = 5.585
    const fallback = detectAnomalies(daily([...Array.from({ length: 13 }, () => 0), 2, 1]));
    expect(fallback[0]?.score).toBeCloseTo(5.585, 3);
    const flat = detectAnomalies(daily([...Array.from({ length: 14 }, () => 0), -3]));
    expect(flat).toMatchObject([{ direction: 'drop', score: -SCORE_CAP, expected: 0 }]);
  });
});

describe('likelyCause', () => {
  const spike: Anomaly = { date: '2025-03-12', value: 90, expected: 10, score: 12, direction: 'spike' };
  const drop: Anomaly = { ...spike, value: -40, score: -9, direction: 'drop' };
  const usual = [
    { id: 'a', title: 'Old one', publishedAt: '2025-03-01T15:00:00Z', engagements: 100 },
    { id: 'b', title: 'Older', publishedAt: '2025-02-20T15:00:00Z', engagements: 120 },
    { id: 'c', title: 'Oldest', publishedAt: '2025-02-10T15:00:00Z', engagements: 80 },
  ];

  it('names an outsized post from the day before, in the creator time zone', () => {
    // 22:30 UTC on the 11th is 18:30 in New York; 900 ≥ 2 × median(100, 120, 80) = 200.
    const launch = { id: 'l', title: 'Launch day', publishedAt: '2025-03-11T22:30:00Z', engagements: 900 };
    const context = { posts: [...usual, launch], lastPostBefore: null, timezone: 'America/New_York' };
    expect(likelyCause(spike, context)).toBe('Likely from your post “Launch day” published on Mar 11, 2025.');
  });

  it('counts days in the creator time zone, not UTC', () => {
    // 02:00 UTC on the 13th is 22:00 on the 12th in New York (the spike day), but the 13th in UTC.
    const late = { id: 'l', title: 'Late night', publishedAt: '2025-03-13T02:00:00Z', engagements: 900 };
    const posts = [...usual, late];
    expect(likelyCause(spike, { posts, lastPostBefore: null, timezone: 'America/New_York' })).toContain('Late night');
    expect(likelyCause(spike, { posts, lastPostBefore: null })).toBe(NO_CLEAR_CAUSE);
  });

  it('does not blame an ordinary post', () => {
    // 150 < 2 × 100
    const plain = { id: 'p', title: 'Plain', publishedAt: '2025-03-12T12:00:00Z', engagements: 150 };
    expect(likelyCause(spike, { posts: [...usual, plain], lastPostBefore: null })).toBe(NO_CLEAR_CAUSE);
  });

  it.each([
    // 2025-03-01 → 2025-03-12 = 11 days
    ['2025-03-01T10:00:00Z', 'You had not posted for 11 days.'],
    ['2025-03-05T10:00:00Z', 'You had not posted for 7 days.'],
    ['2025-03-08T10:00:00Z', NO_CLEAR_CAUSE],
    [null, NO_CLEAR_CAUSE],
  ])('explains a drop after the last post on %s', (lastPostBefore, sentence) => {
    expect(likelyCause(drop, { posts: usual, lastPostBefore })).toBe(sentence);
  });
});
