import { describe, expect, it } from 'vitest';
import { LlmError, type LlmProvider } from '../provider';
import { KeyedCloudProvider } from './keyed-cloud-provider';
import { answer, ScriptedProvider } from './scripted-provider.test-support';

const request = { model: 'gpt-5.4-mini', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('KeyedCloudProvider', () => {
  it('uses whatever key is saved at the time of each call', async () => {
    let current: LlmProvider | null = null;
    const provider = new KeyedCloudProvider('openai', async () => current);
    await expect(provider.generate(request)).rejects.toMatchObject({ kind: 'auth', provider: 'openai' });
    expect(await provider.health()).toMatchObject({ ok: false });

    current = new ScriptedProvider('openai', 'cloud', answer(['with ', 'a key']));
    expect((await provider.generate(request)).text).toBe('with a key');
    expect(await provider.countTokens('m', 'abcdefgh')).toBe(2);
  });

  it('refuses a source that hands back a different provider', async () => {
    const provider = new KeyedCloudProvider('openai', async () => new ScriptedProvider('groq', 'cloud', answer(['x'])));
    const error = await provider.generate(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'invalid_request' });
  });
});
