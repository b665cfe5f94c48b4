import { describe, expect, it } from 'vitest';
import { LlmError, type LlmProvider } from '../provider';
import { ProviderGate } from './provider-gate';
import { answer, ScriptedProvider } from './scripted-provider.test-support';

const request = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };

async function refusal(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('ProviderGate (the single point where providers are called)', () => {
  it('refuses every call to a cloud provider while privacy mode is on, before it is reached', async () => {
    const cloud = new ScriptedProvider('openai', 'cloud', answer(['leak']));
    const gate = new ProviderGate({ openai: cloud }, async () => true);
    expect((await refusal(gate.generate('openai', request))).kind).toBe('privacy_blocked');
    expect((await refusal(gate.countTokens('openai', 'm', 'hi'))).kind).toBe('privacy_blocked');
    expect(cloud.calls).toHaveLength(0);
    expect(cloud.countCalls).toBe(0);
  });

  it('reads privacy mode at each call, so switching it on stops the very next call', async () => {
    let privacy = false;
    const cloud = new ScriptedProvider('openai', 'cloud', answer(['ok']));
    const gate = new ProviderGate({ openai: cloud }, async () => privacy);
    await gate.generate('openai', request);
    privacy = true;
    expect((await refusal(gate.generate('openai', request))).kind).toBe('privacy_blocked');
    expect(cloud.calls).toHaveLength(1);
  });

  it('treats a provider that does not say it is local as leaving the device', async () => {
    const odd = new ScriptedProvider('meta', 'cloud', answer(['x']));
    Object.defineProperty(odd, 'location', { value: 'edge' });
    const gate = new ProviderGate({ meta: odd as LlmProvider }, async () => true);
    expect((await refusal(gate.generate('meta', request))).kind).toBe('privacy_blocked');
    expect(odd.calls).toHaveLength(0);
  });

  it('lets local providers run in privacy mode', async () => {
    const local = new ScriptedProvider('ollama', 'local', answer(['hi ', 'there']));
    const gate = new ProviderGate({ ollama: local }, async () => true);
    expect((await gate.generate('ollama', request)).text).toBe('hi there');
  });

  it('cannot be handed a provider after construction', async () => {
    const providers: Partial<Record<'openai', LlmProvider>> = {};
    const gate = new ProviderGate(providers, async () => false);
    providers.openai = new ScriptedProvider('openai', 'cloud', answer(['x']));
    expect(gate.info('openai')).toBeNull();
    expect((await refusal(gate.generate('openai', request))).kind).toBe('not_found');
  });
});
