import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../../test/support/test-core';
import { createTestUser, type TestUser } from '../../../../test/support/sync-server';
import { TIER_ENTITLEMENTS, usagePeriod } from '../../../server/tiers/entitlements';
import { consumeQuota } from '../../../server/usage/usage-meter';
import type { LlmSettingsPatch } from '../../../shared/domain/llm';
import { accessFor, type CloudRig, startCloudRig, tokensUsed } from './cadence-cloud.test-support';

/**
 * The Cadence cloud model through the whole LLM wiring (createLlm in a real core: router, gate,
 * eligibility, price, usage rows) against the real proxy and the OpenAI peer upstream.
 */

let rig: CloudRig;
let t: TestCore | undefined;
beforeAll(async () => {
  rig = await startCloudRig();
});
afterAll(() => rig?.close());
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

const cloudDrafting: LlmSettingsPatch = {
  chains: { drafting: [{ provider: 'cadence', model: 'default' }] },
  allowedCloudTasks: ['drafting'],
};
const draft = { task: 'drafting' as const, prompt: 'a hook about rye bread', maxTokens: 80 };

async function coreFor(user: TestUser | null, settings: LlmSettingsPatch = cloudDrafting) {
  const access = accessFor(rig.server, user);
  t = await createTestCore({ llm: { ollama: 'off', embedded: 'off', cadence: access } });
  await t.core.llm.service.saveSettings(settings);
  return { llm: t.core.llm.service, access };
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the generation to be refused');
    },
    (error: unknown) => error as { code: string; message: string; details: Record<string, unknown> },
  );
}

describe('Cadence cloud model through the router', () => {
  it('answers as one more cloud provider, free in money, recorded in llm_usage', async () => {
    const user = await createTestUser(rig.server);
    const { llm } = await coreFor(user);
    const result = await llm.generate(draft);
    expect(result).toMatchObject({ provider: 'cadence', model: 'default', text: 'You said: a hook about rye bread' });
    const usage = await llm.usage.findById(result.usageId ?? -1);
    expect(usage).toMatchObject({ provider: 'cadence', location: 'cloud', outcome: 'ok', costUsd: 0 });
    expect(await tokensUsed(rig.server, user)).toBe((usage?.tokensIn ?? 0) + (usage?.tokensOut ?? 0));
  });

  it('privacy mode keeps every request on the device: the sign-in is not even read', async () => {
    const user = await createTestUser(rig.server);
    const { llm, access } = await coreFor(user, { ...cloudDrafting, privacyMode: true });
    const before = rig.peer.requests.length;
    const error = await refusal(llm.generate(draft));
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'privacy_blocked' } });
    expect(access.calls).toBe(0);
    expect(rig.peer.requests.length).toBe(before);
  });

  it('signed out: the step is skipped with "Sign in to Cadence sync to use the cloud model"', async () => {
    const { llm } = await coreFor(null);
    const error = await refusal(llm.generate(draft));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details.skipped).toEqual([
      {
        provider: 'cadence',
        model: 'default',
        reason: 'no_key',
        message: 'Sign in to Cadence sync to use the cloud model',
      },
    ]);
  });

  it('a used-up allowance ends the chain with the quota message after one call, and is not retried', async () => {
    const user = await createTestUser(rig.server);
    const limit = TIER_ENTITLEMENTS.free.aiTokensPerMonth;
    await consumeQuota(rig.server.database.db, {
      userId: user.userId,
      kind: 'ai_tokens',
      amount: limit,
      limit,
      period: usagePeriod(new Date()),
    });
    const { llm, access } = await coreFor(user, {
      chains: {
        drafting: [
          { provider: 'cadence', model: 'default' },
          { provider: 'openai', model: 'gpt-5.4-mini' },
        ],
      },
      allowedCloudTasks: ['drafting'],
    });
    const before = rig.peer.requests.length;
    const requestId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const error = await refusal(llm.generate({ ...draft, requestId }));
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining("This month's cloud-AI tokens are used up"),
      details: { reason: 'budget_exceeded', provider: 'cadence' },
    });
    expect(access.calls).toBe(2); // the eligibility check, then the one call
    expect(rig.peer.requests.length).toBe(before);
    // One recorded call; the next step of the chain was not even looked at.
    expect(error.details.skipped).toEqual([]);
    const rows = await llm.usage.listByRequest(requestId);
    expect(rows.map((r) => [r.provider, r.outcome])).toEqual([['cadence', 'error']]);
  });
});
