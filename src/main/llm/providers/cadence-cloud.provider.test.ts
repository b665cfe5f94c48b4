import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestSyncServer } from '../../../../test/support/sync-server';
import { waitForClientToLeave } from '../../../../test/peers/shared/peer-server';
import { TIER_ENTITLEMENTS, usagePeriod } from '../../../server/tiers/entitlements';
import { consumeQuota } from '../../../server/usage/usage-meter';
import { LlmError } from '../provider';
import { CadenceCloudProvider } from './cadence-cloud.provider';
import { accessFor, type CloudRig, OFFERED_MODEL, startCloudRig, tokensUsed } from './cadence-cloud.test-support';

/** The desktop provider over real HTTP: the real sync service's proxy, the OpenAI peer upstream. */

let rig: CloudRig;
beforeAll(async () => {
  rig = await startCloudRig();
});
afterAll(() => rig?.close());

const request = {
  model: 'default',
  messages: [{ role: 'user' as const, content: 'a hook about rye bread' }],
  maxTokens: 60,
};

async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const caught = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(caught instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(caught)}`);
  return caught;
}

describe('Cadence cloud provider against the real proxy', () => {
  it('streams an answer with the sync token as its credential, reporting the usage the server metered', async () => {
    const user = await createTestUser(rig.server);
    const provider = new CadenceCloudProvider(accessFor(rig.server, user));
    const pieces: string[] = [];
    const result = await provider.generate({ ...request, onToken: (text) => pieces.push(text) });
    expect(result).toMatchObject({ text: 'You said: a hook about rye bread', finishReason: 'stop' });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(result.text);
    const reported = rig.peer.requests.at(-1)?.reportedUsage;
    expect({ input: result.tokensIn, output: result.tokensOut }).toEqual(reported);
    expect(await tokensUsed(rig.server, user)).toBe(result.tokensIn + result.tokensOut);
    expect(await provider.listModels()).toEqual([{ id: OFFERED_MODEL, provider: 'cadence' }]);
    expect(await provider.health()).toMatchObject({ ok: true });
  });

  it('is unavailable while signed out, saying to sign in, without any request', async () => {
    const before = rig.peer.requests.length;
    const provider = new CadenceCloudProvider(accessFor(rig.server, null));
    const error = await failureOf(provider.generate(request));
    expect(error).toMatchObject({
      kind: 'auth',
      provider: 'cadence',
      message: 'Sign in to Cadence sync to use the cloud model',
    });
    expect(await provider.isSignedIn()).toBe(false);
    expect(await provider.health()).toEqual({ ok: false, detail: 'Sign in to Cadence sync to use the cloud model' });
    expect(rig.peer.requests.length).toBe(before);
  });

  it('treats a sign-in that cannot be refreshed (offline) as transient, worth the next provider', async () => {
    const provider = new CadenceCloudProvider(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const error = await failureOf(provider.generate(request));
    expect(error).toMatchObject({ kind: 'transient', provider: 'cadence' });
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.fallbackWorthy).toBe(true);
    // Still signed in: the router tries the step and moves on, instead of telling the user to sign in.
    expect(await provider.isSignedIn()).toBe(true);
  });

  it('surfaces a used-up monthly allowance as a quota error that is not worth a retry', async () => {
    const user = await createTestUser(rig.server);
    const limit = TIER_ENTITLEMENTS.free.aiTokensPerMonth;
    const period = usagePeriod(new Date());
    await consumeQuota(rig.server.database.db, {
      userId: user.userId,
      kind: 'ai_tokens',
      amount: limit,
      limit,
      period,
    });
    const error = await failureOf(new CadenceCloudProvider(accessFor(rig.server, user)).generate(request));
    expect(error.kind).toBe('budget_exceeded');
    expect(error.fallbackWorthy).toBe(false);
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toMatch(/^Cadence Cloud: This month's cloud-AI tokens are used up/);
    expect(error.message).not.toContain(user.accessToken);
  });

  it('tells an unverified account to verify its email', async () => {
    const user = await createTestUser(rig.server);
    await rig.server.database.db
      .updateTable('users')
      .set({ email_verified_at: null })
      .where('id', '=', user.userId)
      .execute();
    const error = await failureOf(new CadenceCloudProvider(accessFor(rig.server, user)).generate(request));
    expect(error).toMatchObject({ kind: 'auth', message: expect.stringMatching(/Verify your email address/) });
  });

  it('cancels at the source: the proxy drops the upstream call when the caller aborts', async () => {
    const user = await createTestUser(rig.server);
    rig.peer.inject({ kind: 'stall-mid-stream', afterDeltas: 2 });
    const controller = new AbortController();
    const generation = new CadenceCloudProvider(accessFor(rig.server, user)).generate({
      ...request,
      signal: controller.signal,
      onToken: () => controller.abort(),
    });
    const error = await failureOf(generation);
    expect(error.kind).toBe('cancelled');
    const upstreamCall = rig.peer.requests.at(-1);
    if (!upstreamCall) throw new Error('the upstream was not called');
    await waitForClientToLeave(upstreamCall);
    expect(upstreamCall.abortedByClient).toBe(true);
  });

  it('reports a server without a cloud model as provider_down', async () => {
    const off = await startTestSyncServer();
    try {
      const user = await createTestUser(off);
      const error = await failureOf(new CadenceCloudProvider(accessFor(off, user)).generate(request));
      expect(error).toMatchObject({
        kind: 'provider_down',
        message: expect.stringContaining('does not offer the cloud model'),
      });
    } finally {
      await off.close();
    }
  });
});
