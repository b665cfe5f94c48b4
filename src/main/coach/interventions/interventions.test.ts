import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import {
  addAccount,
  addPost,
  addPublication,
  invokeOk,
  profileOf,
  saveProfileAt,
} from '../coach.fixtures.test-support';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
  await addPublication(t, { publishedAt: '2026-11-24T18:00:00.000Z' }); // keeps the cadence rule quiet
});
afterEach(() => t.dispose());

const DAY = 86_400_000;
const list = () => invokeOk(t, 'coach:list-interventions', {});
const respond = (id: number, response: 'acted' | 'snoozed' | 'dismissed', snoozeDays?: number) =>
  t.core.dispatcher.invoke('coach:respond-intervention', { id, response, ...(snoozeDays ? { snoozeDays } : {}) });
const setToken = (id: string, status: string) =>
  t.core.database.db.updateTable('accounts').set({ token_status: status }).where('id', '=', id).execute();

describe('intervention lifecycle', () => {
  it('raises a situation once, snoozes, reopens after the snooze, and resolves when it ends', async () => {
    const acc = await addAccount(t, { id: 'acc-1', tokenStatus: 'needs_reconnect' });
    const first = await list();
    expect(first.open).toEqual([
      expect.objectContaining({
        rule: 'token-expired',
        situation: 'token-expired:acc-1',
        status: 'open',
        action: { kind: 'reconnect', accountId: acc },
      }),
    ]);
    expect((await list()).open).toHaveLength(1); // not raised twice
    const id = first.open[0]?.id as number;

    expect(await respond(id, 'snoozed', 2)).toMatchObject({
      ok: true,
      value: { status: 'snoozed', snoozedUntil: '2026-11-27T10:00:00.000Z' },
    });
    expect((await list()).open).toEqual([]);
    t.clock.advance(2 * DAY + 1);
    expect((await list()).open.map((i) => [i.id, i.status])).toEqual([[id, 'open']]);

    await setToken('acc-1', 'valid');
    const after = await list();
    expect(after.open).toEqual([]);
    expect(after.history[0]).toMatchObject({ id, status: 'resolved' });
    expect(await respond(id, 'acted')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await respond(9999, 'acted')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('does not raise a dismissed situation again while it lasts, but does once it ended and came back', async () => {
    await addAccount(t, { id: 'acc-1', tokenStatus: 'missing_scope' });
    const id = (await list()).open[0]?.id as number;
    expect(await respond(id, 'dismissed')).toMatchObject({
      ok: true,
      value: { status: 'dismissed', closedAt: '2026-11-25T10:00:00.000Z' },
    });
    expect((await list()).open).toEqual([]);
    await setToken('acc-1', 'valid');
    await list();
    await setToken('acc-1', 'needs_reconnect');
    // Its last record is 'dismissed' and nothing resolved it, so it stays quiet…
    expect((await list()).open).toEqual([]);
  });

  it('records drafts piling up and resolves it once they are scheduled', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await addPost(t, { status: 'draft', createdAt: '2026-11-10T10:00:00.000Z' }));
    const open = (await list()).open;
    expect(open).toEqual([
      expect.objectContaining({ rule: 'drafts-piling-up', action: expect.objectContaining({ kind: 'reschedule' }) }),
    ]);
    const action = open[0]?.action;
    expect(action?.kind === 'reschedule' ? [...action.postIds].sort() : []).toEqual([...ids].sort());
    await t.core.database.db
      .updateTable('posts')
      .set({ status: 'scheduled', scheduled_at: '2026-12-01T10:00:00.000Z' })
      .where('id', '=', ids[0] as string)
      .execute();
    await t.core.domains.coach.service.interventions.evaluate();
    expect((await list()).history[0]).toMatchObject({ rule: 'drafts-piling-up', status: 'resolved' });
  });
});

describe('learning', () => {
  it('orders open interventions by how often the creator acts on the rule', async () => {
    const coach = t.core.domains.coach.service;
    // History: reconnect reminders acted on twice; draft nudges dismissed twice.
    for (const [rule, status] of [
      ['token-expired', 'acted'],
      ['token-expired', 'acted'],
      ['drafts-piling-up', 'dismissed'],
      ['drafts-piling-up', 'dismissed'],
    ] as const) {
      await t.core.database.db
        .insertInto('coach_interventions')
        .values({
          rule,
          situation: `${rule}:old-${Math.random()}`,
          details: JSON.stringify({
            title: 'x',
            message: 'x',
            action: { kind: 'reconnect', accountId: 'x' },
            responses: [],
          }),
          status,
          triggered_at: '2026-10-01T00:00:00.000Z',
          snoozed_until: null,
          closed_at: '2026-10-02T00:00:00.000Z',
          action: status,
        })
        .execute();
    }
    for (let i = 0; i < 5; i++) await addPost(t, { status: 'draft', createdAt: '2026-11-10T10:00:00.000Z' });
    await addAccount(t, { id: 'acc-1', tokenStatus: 'needs_reconnect' });
    const result = await list();
    expect(result.open.map((i) => i.rule)).toEqual(['token-expired', 'drafts-piling-up']);
    const insights = await coach.interventions.insights();
    expect(insights.find((i) => i.rule === 'token-expired')).toMatchObject({
      acted: 2,
      dismissed: 0,
      actRate: 3 / 4,
      quieted: false,
    });
    expect(insights.find((i) => i.rule === 'token-expired')?.sentence).toBe(
      'You usually act on reconnect reminders (2 of 2).',
    );
    expect(insights.find((i) => i.rule === 'drafts-piling-up')).toMatchObject({
      acted: 0,
      dismissed: 2,
      actRate: 1 / 4,
    });
  });

  it('raises a rule dismissed 3 times and never acted on at most once per 14 days', async () => {
    await addAccount(t, { id: 'acc-1', tokenStatus: 'needs_reconnect' });
    await addAccount(t, { id: 'acc-2', tokenStatus: 'valid' });
    await addAccount(t, { id: 'acc-3', tokenStatus: 'valid' });
    for (const acc of ['acc-1', 'acc-2', 'acc-3']) {
      await setToken(acc, 'needs_reconnect');
      const open = (await list()).open;
      expect(open.map((i) => i.situation)).toEqual([`token-expired:${acc}`]);
      await respond(open[0]?.id as number, 'dismissed');
      await setToken(acc, 'valid');
      t.clock.advance(DAY);
    }
    const insights = await t.core.dispatcher.invoke('coach:get-insights', {});
    expect(insights).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ rule: 'token-expired', quieted: true })]),
    });

    await setToken('acc-1', 'needs_reconnect'); // last raised 1 day ago: stays quiet
    await addAccount(t, { id: 'acc-4', tokenStatus: 'needs_reconnect' });
    expect((await list()).open).toEqual([]);
    t.clock.advance(14 * DAY);
    const later = (await list()).open.filter((i) => i.rule === 'token-expired');
    // acc-4 is raised now; acc-1's situation was dismissed and never ended, so it stays quiet.
    expect(later.map((i) => i.situation)).toEqual(['token-expired:acc-4']);
  });
});
