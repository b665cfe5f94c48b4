import { describe, expect, it } from 'vitest';
import type { BacklogPost, CoachAccount } from '../coach-data.reader';
import { draftsPilingUp } from './drafts-piling-up';
import { engagementFalling } from './engagement-falling';
import { allowedGapDays, missedCadence } from './missed-cadence';
import type { RuleContext, RulePublication } from './rule-types';
import { tokenExpired } from './token-expired';
import { evaluateRules } from '.';

const NOW = '2026-11-25T10:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();
const pub = (days: number, engagementRate: number | null = null): RulePublication => ({
  postId: `p-${days}`,
  title: `Post ${days}`,
  publishedAt: daysAgo(days),
  engagementRate,
});
const draft = (id: string, ageDays: number, overrides: Partial<BacklogPost> = {}): BacklogPost => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  title: `Draft ${id}`,
  body: '',
  status: 'draft',
  platforms: ['x'],
  scheduledAt: null,
  createdAt: daysAgo(ageDays),
  updatedAt: daysAgo(ageDays),
  ...overrides,
});
const account = (id: string, tokenStatus: string | null): CoachAccount => ({
  id,
  platform: 'x',
  handle: id,
  tokenStatus,
});

const ctx = (overrides: Partial<RuleContext>): RuleContext => ({
  now: NOW,
  today: '2026-11-25',
  timezone: 'UTC',
  postsPerWeek: 3,
  publications: [],
  accounts: [],
  backlog: [],
  ...overrides,
});

describe('missed cadence', () => {
  it.each([
    [1, 8],
    [3, 4],
    [5, 3],
    [7, 2],
    [14, 2],
  ])('allows a gap of max(2, ceil(7/%i)+1) = %i days', (perWeek, gap) => {
    expect(allowedGapDays(perWeek)).toBe(gap);
  });

  it.each([
    { name: 'never published (starting, not lapsing)', perWeek: 3, pubs: [], fires: false },
    { name: 'posted today', perWeek: 3, pubs: [pub(0)], fires: false },
    { name: 'gap exactly the allowed 4 days', perWeek: 3, pubs: [pub(4)], fires: false },
    { name: 'gap of 5 days > 4', perWeek: 3, pubs: [pub(5)], fires: true },
    { name: 'old post but a recent one too', perWeek: 3, pubs: [pub(20), pub(2)], fires: false },
    { name: 'weekly creator, 8 days (allowed 8)', perWeek: 1, pubs: [pub(8)], fires: false },
    { name: 'weekly creator, 9 days', perWeek: 1, pubs: [pub(9)], fires: true },
    { name: 'daily creator, 2 days', perWeek: 7, pubs: [pub(2)], fires: false },
    { name: 'daily creator, 3 days', perWeek: 7, pubs: [pub(3)], fires: true },
  ])('$name → fires: $fires', ({ perWeek, pubs, fires }) => {
    const found = missedCadence(ctx({ postsPerWeek: perWeek, publications: pubs }));
    expect(found.length).toBe(fires ? 1 : 0);
    if (fires) expect(found[0]).toMatchObject({ rule: 'missed-cadence', action: { kind: 'suggest-post' } });
  });

  it('keys the situation by the last post day and suggests the oldest backlog idea', () => {
    const idea = draft('1', 10, { status: 'idea', title: 'Starter tips', body: 'feed it twice' });
    const [s] = missedCadence(ctx({ publications: [pub(6)], backlog: [idea] }));
    expect(s).toMatchObject({
      situation: 'missed-cadence:2026-11-19',
      action: { kind: 'suggest-post', text: 'Starter tips\n\nfeed it twice' },
    });
  });
});

describe('engagement falling', () => {
  const window = (fromDay: number, n: number, rate: number) =>
    Array.from({ length: n }, (_, i) => pub(fromDay + i, rate));
  it.each([
    { name: 'recent 0.02 vs previous 0.04 (50 %)', pubs: [...window(1, 3, 0.02), ...window(20, 3, 0.04)], fires: true },
    { name: 'recent at exactly 75 %', pubs: [...window(1, 3, 0.03), ...window(20, 3, 0.04)], fires: false },
    { name: 'recent at 74 %', pubs: [...window(1, 3, 0.0296), ...window(20, 3, 0.04)], fires: true },
    { name: 'only 2 recent posts', pubs: [...window(1, 2, 0.01), ...window(20, 3, 0.04)], fires: false },
    { name: 'only 2 previous posts', pubs: [...window(1, 3, 0.01), ...window(20, 2, 0.04)], fires: false },
    {
      name: 'previous posts older than 42 days do not count',
      pubs: [...window(1, 3, 0.01), ...window(43, 3, 0.04)],
      fires: false,
    },
    {
      name: 'posts without a rate are ignored',
      pubs: [...window(1, 3, 0.01), ...window(20, 2, 0.04), pub(25, null)],
      fires: false,
    },
    { name: 'rising engagement', pubs: [...window(1, 3, 0.05), ...window(20, 3, 0.04)], fires: false },
  ])('$name → fires: $fires', ({ pubs, fires }) => {
    expect(engagementFalling(ctx({ publications: pubs })).length).toBe(fires ? 1 : 0);
  });

  it('suggests revisiting the best post of the earlier window', () => {
    const pubs = [...window(1, 3, 0.01), pub(20, 0.03), pub(21, 0.09), pub(22, 0.03)];
    expect(engagementFalling(ctx({ publications: pubs }))[0]?.action).toMatchObject({ kind: 'suggest-post' });
    expect(engagementFalling(ctx({ publications: pubs }))[0]?.action).toHaveProperty(
      'text',
      expect.stringContaining('Post 21'),
    );
  });
});

describe('token expired', () => {
  it.each([
    { status: 'needs_reconnect', fires: true },
    { status: 'missing_scope', fires: true },
    { status: 'valid', fires: false },
    { status: 'expiring', fires: false },
    { status: null, fires: false },
  ])('token_status $status → fires: $fires', ({ status, fires }) => {
    const found = tokenExpired(ctx({ accounts: [account('acc-1', status)] }));
    expect(found).toEqual(
      fires
        ? [
            expect.objectContaining({
              situation: 'token-expired:acc-1',
              action: { kind: 'reconnect', accountId: 'acc-1' },
            }),
          ]
        : [],
    );
  });

  it('raises one situation per broken account', () => {
    const found = tokenExpired(
      ctx({ accounts: [account('a', 'needs_reconnect'), account('b', 'valid'), account('c', 'missing_scope')] }),
    );
    expect(found.map((s) => s.situation)).toEqual(['token-expired:a', 'token-expired:c']);
  });
});

describe('drafts piling up', () => {
  const five = (ageDays: number) => ['1', '2', '3', '4', '5'].map((id) => draft(id, ageDays));
  it.each([
    { name: '5 drafts older than 3 days', backlog: five(4), fires: true },
    { name: '4 drafts', backlog: five(4).slice(0, 4), fires: false },
    { name: '5 drafts exactly 3 days old', backlog: five(3), fires: false },
    {
      name: 'one of them scheduled',
      backlog: [...five(4).slice(0, 4), draft('6', 4, { scheduledAt: daysAgo(-1) })],
      fires: false,
    },
    {
      name: '"ready" counts as a draft',
      backlog: [...five(4).slice(0, 4), draft('6', 4, { status: 'ready' })],
      fires: true,
    },
    { name: 'ideas do not count', backlog: [...five(4).slice(0, 4), draft('6', 4, { status: 'idea' })], fires: false },
  ])('$name → fires: $fires', ({ backlog, fires }) => {
    const found = draftsPilingUp(ctx({ backlog }));
    expect(found.length).toBe(fires ? 1 : 0);
    if (fires)
      expect(found[0]?.action).toEqual({
        kind: 'reschedule',
        postIds: backlog.filter((p) => p.status !== 'idea').map((p) => p.id),
      });
  });
});

describe('all rules together', () => {
  it('fire nothing on a healthy creator', () => {
    expect(
      evaluateRules(ctx({ publications: [pub(1, 0.04), pub(3, 0.04)], accounts: [account('a', 'valid')] })),
    ).toEqual([]);
  });
});
