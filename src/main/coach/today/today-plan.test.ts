import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { analyticsPort } from '../analytics-adapter';
import { CoachService } from '../coach.service';
import {
  addAccount,
  addFollowerDays,
  addPost,
  addPublication,
  invokeOk,
  profileOf,
  saveProfileAt,
} from '../coach.fixtures.test-support';
import { LlmService } from '../../llm/llm.service';
import { answer, ScriptedProvider } from '../../llm/router/scripted-provider.test-support';

let t: TestCore;
afterEach(() => t.dispose());

async function seed(): Promise<{ ideaId: string }> {
  t = await createTestCore({ now: '2026-11-25T10:00:00.000Z' });
  await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
  const account = await addAccount(t);
  await addFollowerDays(t, account, [
    { date: '2026-11-01', followers: 1000 },
    { date: '2026-11-25', followers: 1120 },
  ]);
  await addPublication(t, {
    publishedAt: '2026-11-20T18:00:00.000Z',
    accountId: account,
    format: 'carousel',
    reach: 500,
    likes: 40,
  });
  await addPublication(t, {
    publishedAt: '2026-11-22T18:00:00.000Z',
    accountId: account,
    format: 'carousel',
    reach: 400,
    likes: 20,
  });
  await addPublication(t, {
    publishedAt: '2026-11-23T18:00:00.000Z',
    accountId: account,
    format: 'reel',
    reach: 300,
    likes: 30,
  });
  await addPost(t, { title: 'Newer draft', status: 'draft', createdAt: '2026-11-24T08:00:00.000Z' });
  const ideaId = await addPost(t, {
    title: 'Why my starter died',
    body: 'Notes: temperature',
    status: 'idea',
    createdAt: '2026-11-10T08:00:00.000Z',
    platforms: ['instagram'],
  });
  return { ideaId };
}

describe('coach:get-today', () => {
  it('makes a rules-written plan from real data when no AI engine is running, once per day', async () => {
    const { ideaId } = await seed();
    const plan = await invokeOk(t, 'coach:get-today', {});

    expect(plan).toMatchObject({
      date: '2026-11-25',
      generatedBy: 'rules',
      provider: null,
      fallbackReason: 'No local model is running',
      what: { format: 'carousel' }, // most used: no confident factor with 3 posts
      idea: { postId: ideaId, title: 'Why my starter died', status: 'idea' },
      tip: { factor: null, title: 'Build your evidence' },
    });
    expect(plan.when.platform).toBe('instagram');
    expect(plan.goalLine).toContain('Followers: 1,120 of 2,000');
    const labels = plan.dataUsed.map((d) => d.label);
    expect(labels).toEqual(
      expect.arrayContaining(['Goal', 'Format to post', 'Best slot today', 'Backlog idea', 'Weakest success factor']),
    );
    expect(plan.dataUsed.find((d) => d.label === 'Backlog idea')?.value).toContain('Why my starter died');
    expect(plan.message).toContain('carousel');
    expect(plan.suggestedPost).toBe('Why my starter died\n\nNotes: temperature');
    expect(plan.speech).toMatch(/^Here is your plan for today\./);
    expect(plan.speech).not.toMatch(/[“”]/);

    const again = await t.core.dispatcher.invoke('coach:get-today', {});
    expect(again).toMatchObject({ ok: true, value: { createdAt: plan.createdAt } });
    t.clock.advance(60_000);
    const fresh = await t.core.dispatcher.invoke('coach:get-today', { regenerate: true });
    expect(fresh).toMatchObject({ ok: true, value: { createdAt: '2026-11-25T10:01:00.000Z' } });
  });

  it('says so when the backlog is empty', async () => {
    t = await createTestCore();
    await saveProfileAt(t, '2026-11-01T09:00:00.000Z', profileOf());
    const plan = await t.core.domains.coach.service.today.get({ regenerate: false });
    expect(plan.idea).toBeNull();
    expect(plan.ideaNote).toMatch(/backlog is empty/);
    expect(plan.what.format).toBeNull();
  });

  it('has the AI write the message and post from a prompt holding the real figures', async () => {
    await seed();
    const ollama = new ScriptedProvider(
      'ollama',
      'local',
      answer(['{"message": "Post your carousel at six.", ', '"post": "My starter died. Here is what I learned."}']),
    );
    const llm = new LlmService({
      database: t.core.database,
      clock: t.clock,
      events: t.core.events,
      providers: { ollama },
      priceOf: () => ({ inPerM: 0, outPerM: 0 }),
      hasCloudKey: async () => false,
    });
    const deps = {
      ports: t.core.ports,
      database: t.core.database,
      events: t.core.events,
      llm,
      posts: t.core.services.posts,
      profile: t.core.services.profile,
    };
    const coach = new CoachService(deps, analyticsPort(t.core.domains.analytics.service));

    const plan = await coach.today.get({ regenerate: false });

    expect(plan).toMatchObject({
      generatedBy: 'ai',
      provider: 'ollama',
      fallbackReason: null,
      message: 'Post your carousel at six.',
      suggestedPost: 'My starter died. Here is what I learned.',
    });
    expect(ollama.calls).toHaveLength(1);
    const prompt = ollama.calls[0]?.messages.map((m) => m.content).join('\n') ?? '';
    for (const row of plan.dataUsed) expect(prompt).toContain(`${row.label}: ${row.value}`);
    expect(prompt).toContain('1,120 of 2,000');
    expect(prompt).toContain('Why my starter died');
  });
});

describe('coach:send-to-compose', () => {
  it("creates a draft from the day's suggested post, once", async () => {
    const { ideaId } = await seed();
    await t.core.dispatcher.invoke('coach:get-today', {});
    const sent = await invokeOk(t, 'coach:send-to-compose', { date: '2026-11-25' });
    const post = await t.core.services.posts.get(sent.postId);
    expect(post).toMatchObject({
      status: 'draft',
      title: 'Why my starter died',
      body: 'Why my starter died\n\nNotes: temperature',
      platforms: ['instagram'],
    });
    expect(post.id).not.toBe(ideaId);
    expect(await invokeOk(t, 'coach:send-to-compose', { date: '2026-11-25' })).toEqual(sent);
    expect(await t.core.dispatcher.invoke('coach:send-to-compose', { date: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('daily check', () => {
  it("notifies that today's plan is ready once per day, if the creator wants it", async () => {
    await seed();
    const coach = t.core.domains.coach.service;
    await coach.dailyCheck();
    await coach.dailyCheck();
    expect(t.notifications.filter((n) => n.title === "Today's plan is ready")).toHaveLength(1);
    t.clock.advance(86_400_000);
    await coach.savePreferences({ notifyDailyPlan: false });
    await coach.dailyCheck();
    expect(t.notifications.filter((n) => n.title === "Today's plan is ready")).toHaveLength(1);
    expect(await coach.today.has('2026-11-26')).toBe(true);
  });
});
