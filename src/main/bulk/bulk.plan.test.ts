import { afterEach, describe, expect, it } from 'vitest';
import { invokeError, invokeOk } from '../../../test/support/invoke';
import { createTestCore, type TestCore } from '../../../test/support/test-core';
import { answer } from '../llm/router/scripted-provider.test-support';
import { type BulkHarness, PLAN, postScript, profileOf, startBulk } from './bulk.test-support';
import { planDays } from './plan-dates';

let h: BulkHarness | undefined;
let core: TestCore | undefined;
afterEach(async () => {
  await h?.dispose();
  await core?.dispose();
  h = undefined;
  core = undefined;
});

const due = (detail: { items: { dueAt: string; platform: string }[] }, platform = 'x') =>
  detail.items.filter((i) => i.platform === platform).map((i) => i.dueAt);

describe('bulk:plan dates', () => {
  it('puts posts on the cadence days at 09:00 local time, across the DST change', async () => {
    h = await startBulk({
      profile: { timezone: 'Europe/Berlin', cadence: { postsPerWeek: 3, days: ['mon', 'wed', 'fri'] } },
    });
    // Berlin leaves winter time on Sunday 2027-03-28: 09:00 is 08:00Z before and 07:00Z after.
    const detail = await h.bulk.service.plan({ ...PLAN, from: '2027-03-22', weeks: 2 });

    expect(due(detail)).toEqual([
      '2027-03-22T08:00:00.000Z',
      '2027-03-24T08:00:00.000Z',
      '2027-03-26T08:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
      '2027-03-31T07:00:00.000Z',
      '2027-04-02T07:00:00.000Z',
    ]);
    expect(due(detail, 'linkedin')).toEqual(due(detail));
    expect(detail.job).toMatchObject({ status: 'planned', concurrency: 1, timezone: 'Europe/Berlin' });
    expect(detail.job.counts).toMatchObject({ total: 12, pending: 12 });
    expect(detail.items.map((i) => i.position)).toEqual([...Array(12).keys()]);
  });

  it('uses the given days and a fixed time, in a zone west of UTC', async () => {
    h = await startBulk({ profile: { timezone: 'America/New_York' } });
    const detail = await h.bulk.service.plan({
      ...PLAN,
      platforms: ['x'],
      postsPerWeek: 2,
      days: ['tue', 'sat'],
      time: '18:30',
      from: '2026-12-07',
    });
    expect(due(detail)).toEqual(['2026-12-08T23:30:00.000Z', '2026-12-12T23:30:00.000Z']);
  });

  it('takes each platform’s best hour for the weekday, else its best hour of the week', async () => {
    h = await startBulk({
      bestTimes: async (platform) => ({
        slots:
          platform === 'linkedin'
            ? [
                { weekday: 2, hour: 10, score: 2 },
                { weekday: 0, hour: 8, score: 1.5 },
              ]
            : [],
      }),
    });
    const detail = await h.bulk.service.plan(PLAN);
    expect(due(detail, 'linkedin')).toEqual([
      '2026-12-07T08:00:00.000Z', // Monday: its own best slot
      '2026-12-09T10:00:00.000Z', // Wednesday
      '2026-12-11T10:00:00.000Z', // Friday has none: the week's best hour
    ]);
    expect(due(detail, 'x')).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-09T09:00:00.000Z',
      '2026-12-11T09:00:00.000Z',
    ]);
  });

  it.each([
    {
      name: 'more posts than cadence days double up round-robin',
      request: { from: '2026-12-07', to: '2026-12-13', postsPerWeek: 3, days: ['mon', 'thu'] as const },
      expected: ['2026-12-07#0', '2026-12-07#1', '2026-12-10#0'],
    },
    {
      name: 'fewer posts than cadence days take the first days of each week',
      request: { from: '2026-12-09', to: '2026-12-22', postsPerWeek: 2, days: ['mon', 'wed', 'fri'] as const },
      expected: ['2026-12-09#0', '2026-12-11#0', '2026-12-16#0', '2026-12-18#0'],
    },
    {
      name: 'a short last week keeps only its days',
      request: { from: '2026-12-07', to: '2026-12-16', postsPerWeek: 3, days: ['mon', 'wed', 'fri'] as const },
      expected: ['2026-12-07#0', '2026-12-09#0', '2026-12-11#0', '2026-12-14#0', '2026-12-16#0'],
    },
  ])('$name', ({ request, expected }) => {
    expect(planDays(request).map((d) => `${d.date}#${d.index}`)).toEqual(expected);
  });

  it('gives a second post on the same day a later hour', async () => {
    h = await startBulk();
    const detail = await h.bulk.service.plan({ ...PLAN, platforms: ['x'], postsPerWeek: 2, days: ['mon'] });
    expect(due(detail)).toEqual(['2026-12-07T09:00:00.000Z', '2026-12-07T12:00:00.000Z']);
  });
});

describe('bulk:plan topics', () => {
  it('labels pattern topics honestly when no model answers, one per slot, shared by the platforms', async () => {
    h = await startBulk();
    const detail = await h.bulk.service.plan({ ...PLAN, formats: ['listicle', 'how-to'] });
    expect(detail.job.topics.source).toBe('fallback');
    expect(detail.job.topics.note).toContain('no model answered');
    const x = detail.items.filter((i) => i.platform === 'x');
    expect(x.map((i) => [i.format, i.topic])).toEqual([
      ['listicle', '5 mistakes in sourdough baking'],
      ['how-to', 'How to get started with sourdough baking'],
      ['listicle', '7 tools I use for sourdough baking'],
    ]);
    expect(detail.items.filter((i) => i.platform === 'linkedin').map((i) => i.topic)).toEqual(x.map((i) => i.topic));
  });

  it('uses the AI’s distinct topics when its JSON answer is readable', async () => {
    h = await startBulk({
      script: answer(['{"topics": ["Rye vs wheat", "rye vs wheat", "Starter at 5am", "Why crumb matters"]}']),
    });
    const detail = await h.bulk.service.plan({ ...PLAN, platforms: ['x'] });
    expect(detail.job.topics.source).toBe('ai');
    expect(detail.items.map((i) => i.topic)).toEqual(['Rye vs wheat', 'Starter at 5am', 'Why crumb matters']);
  });

  it.each([
    { answerText: 'Once upon a time there was a loaf', source: 'fallback', note: 'could not be read' },
    { answerText: '{"topics": ["Only one topic"]}', source: 'mixed', note: 'The AI suggested 1 of 3' },
  ])('falls back to patterns when the answer is "$answerText"', async ({ answerText, source, note }) => {
    h = await startBulk({ script: answer([answerText]) });
    const detail = await h.bulk.service.plan({ ...PLAN, platforms: ['x'] });
    expect(detail.job.topics.source).toBe(source);
    expect(detail.job.topics.note).toContain(note);
    expect(new Set(detail.items.map((i) => i.topic)).size).toBe(3);
  });
});

describe('bulk:update-item', () => {
  it('edits and removes pending items, and refuses items that are no longer pending', async () => {
    h = await startBulk({ script: postScript() });
    const plan = await h.bulk.service.plan({ ...PLAN, platforms: ['x'] });
    const [first, second, third] = plan.items;
    const edited = await h.bulk.service.updateItem({
      itemId: first!.id,
      topic: 'My own topic',
      format: 'story',
      platform: 'bluesky',
      dueAt: '2026-12-08T15:00:00.000Z',
    });
    expect(edited.items[0]).toMatchObject({
      topic: 'My own topic',
      format: 'story',
      platform: 'bluesky',
      dueAt: '2026-12-08T15:00:00.000Z',
    });
    const removed = await h.bulk.service.updateItem({ itemId: second!.id, remove: true });
    expect(removed.items.map((i) => i.id)).toEqual([first!.id, third!.id]);

    await h.bulk.service.start(plan.job.id);
    await h.bulk.service.settled(plan.job.id);
    await expect(h.bulk.service.updateItem({ itemId: third!.id, topic: 'Too late' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is done now'),
    });
    await expect(h.bulk.service.updateItem({ itemId: 999_999, remove: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('bulk channels on the core', () => {
  it('plans through the dispatcher with the wired analytics best times, and refuses bad state changes', async () => {
    core = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
    expect(await invokeError(core.core, 'bulk:plan', PLAN)).toMatchObject({ code: 'NOT_FOUND' });
    await core.core.services.profile.save(profileOf());
    const detail = await invokeOk(core.core, 'bulk:plan', { ...PLAN, platforms: ['linkedin'] });
    const best = await core.core.domains.analytics.service.bestTimes('linkedin');
    const mondayBest = best.slots.filter((s) => s.weekday === 0).sort((a, b) => b.score - a.score)[0];
    const hour = mondayBest?.hour ?? [...best.slots].sort((a, b) => b.score - a.score)[0]?.hour ?? 9;
    expect(new Date(detail.items[0]!.dueAt).getUTCHours()).toBe(hour);
    expect(detail.job.topics.source).toBe('fallback');

    const jobId = detail.job.id;
    expect(await invokeError(core.core, 'bulk:pause', { jobId })).toMatchObject({
      code: 'CONFLICT',
      message: 'Only a running job can be paused (this one is planned)',
    });
    expect(await invokeError(core.core, 'bulk:resume', { jobId })).toMatchObject({ code: 'CONFLICT' });
    expect(await invokeOk(core.core, 'bulk:cancel', { jobId })).toMatchObject({
      status: 'cancelled',
      counts: { cancelled: 3, pending: 0 },
    });
    expect(await invokeError(core.core, 'bulk:start', { jobId })).toMatchObject({ code: 'CONFLICT' });
    expect(
      await invokeError(core.core, 'bulk:get-job', { jobId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await invokeOk(core.core, 'bulk:list-jobs', {})).map((j) => j.id)).toEqual([jobId]);
  });
});
