import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../../../shared/contract/events';
import type { Generation } from '../../../../shared/contract/llm';
import { ContractError } from '../../../../shared/contract/errors';

type TokenListener = (event: EventMap['llm:token']) => void;
type AttemptListener = (event: EventMap['llm:attempt']) => void;

const tokenListeners = new Set<TokenListener>();
const attemptListeners = new Set<AttemptListener>();
const calls = { generate: [] as { requestId: string; prompt: string }[], cancel: [] as string[] };
let finish: ((result: Generation) => void) | null = null;
let fail: ((error: unknown) => void) | null = null;
let body = 'Existing intro';

vi.mock('./queries', () => ({
  generateDraft: (requestId: string, request: { prompt: string }) => {
    calls.generate.push({ requestId, prompt: request.prompt });
    return new Promise<Generation>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  },
  cancelGeneration: async (requestId: string) => {
    calls.cancel.push(requestId);
    return { cancelled: true };
  },
  rateGeneration: async (usageId: number, rating: number) => ({ usageId, rating }),
  onToken: (listener: TokenListener) => {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
  onAttempt: (listener: AttemptListener) => {
    attemptListeners.add(listener);
    return () => attemptListeners.delete(listener);
  },
}));

vi.mock('../compose.store', () => ({
  useCompose: {
    getState: () => ({ draft: { body }, edit: (patch: { body: string }) => (body = patch.body) }),
  },
}));

const { useAiDraft } = await import('./ai-draft.store');

function generation(requestId: string, patch: Partial<Generation>): Generation {
  return {
    requestId,
    text: '',
    finishReason: 'stop',
    provider: 'ollama',
    model: 'tinyllama:1.1b',
    usageId: 7,
    fallbackPosition: 0,
    tokensIn: 10,
    tokensOut: 5,
    ttftMs: 20,
    durationMs: 100,
    costUsd: 0,
    ...patch,
  };
}

const emitToken = (requestId: string, text: string) => tokenListeners.forEach((l) => l({ requestId, text }));

describe('the AI draft store', () => {
  beforeEach(() => {
    useAiDraft.setState(useAiDraft.getInitialState());
    calls.generate = [];
    calls.cancel = [];
    body = 'Existing intro';
  });

  it('asks for a topic first', async () => {
    await useAiDraft.getState().generate(['x']);
    expect(useAiDraft.getState().topicError).toBe('Say what the post is about');
    expect(calls.generate).toHaveLength(0);
  });

  it('streams tokens, stops on request and keeps the text', async () => {
    const detach = useAiDraft.getState().attach();
    useAiDraft.getState().setTopic('winter starters');
    const running = useAiDraft.getState().generate(['x']);
    const { requestId } = calls.generate[0]!;
    expect(calls.generate[0]!.prompt).toMatch(/winter starters.*X/);
    attemptListeners.forEach((l) => l({ requestId, provider: 'ollama', model: 'tinyllama:1.1b', position: 0 }));
    emitToken(requestId, 'Once upon');
    emitToken(requestId, ' a time');
    expect(useAiDraft.getState().stream.text).toBe('Once upon a time');

    await useAiDraft.getState().stop();
    expect(calls.cancel).toEqual([requestId]);
    expect(useAiDraft.getState().status).toBe('stopping');
    finish!(generation(requestId, { text: 'Once upon a time', finishReason: 'cancelled', usageId: 9 }));
    await running;
    expect(useAiDraft.getState()).toMatchObject({
      status: 'stopped',
      usageId: 9,
      stream: { text: 'Once upon a time' },
    });

    useAiDraft.getState().insert();
    expect(body).toBe('Existing intro\n\nOnce upon a time');
    detach();
    expect(tokenListeners.size).toBe(0);
  });

  it('explains a refusal in plain words', async () => {
    useAiDraft.getState().setTopic('bread');
    const running = useAiDraft.getState().generate([]);
    fail!(new ContractError('FORBIDDEN', 'Privacy mode blocks cloud providers', { reason: 'privacy_blocked' }));
    await running;
    expect(useAiDraft.getState().status).toBe('error');
    expect(useAiDraft.getState().problem?.title).toMatch(/^Privacy mode is on/);
  });

  it('cancels a running draft when the panel goes away', async () => {
    const detach = useAiDraft.getState().attach();
    useAiDraft.getState().setTopic('bread');
    const running = useAiDraft.getState().generate([]);
    detach();
    expect(calls.cancel).toHaveLength(1);
    finish!(generation(calls.generate[0]!.requestId, { finishReason: 'cancelled' }));
    await running;
  });
});
