import { describe, expect, it } from 'vitest';
import { type GenerateResult, LlmError } from '../provider';
import { type AttemptCall, runAttempt } from './attempt';

const limits = { firstTokenTimeoutMs: 30, overallTimeoutMs: 1000 };
const result = (text: string, finishReason: GenerateResult['finishReason'] = 'stop'): GenerateResult => ({
  text,
  tokensIn: 1,
  tokensOut: 1,
  ttftMs: null,
  durationMs: 1,
  finishReason,
});

/** Rejects (or resolves) the moment its signal aborts: the fastest a provider can react. */
const reactsToAbort =
  (how: 'reject' | 'resolve-cancelled'): AttemptCall =>
  (signal) =>
    new Promise((resolve, reject) =>
      signal.addEventListener('abort', () =>
        how === 'reject' ? reject(new LlmError('cancelled', 'aborted')) : resolve(result('part', 'cancelled')),
      ),
    );

describe('runAttempt', () => {
  it('reports a timeout, not a cancel, when the provider answers our timeout abort with "cancelled"', async () => {
    for (const how of ['reject', 'resolve-cancelled'] as const) {
      const outcome = await runAttempt(reactsToAbort(how), limits, new AbortController().signal, () => {});
      expect(outcome).toMatchObject({ kind: 'error', errorKind: 'timeout' });
    }
  });

  it('reports a cancel when the caller aborts, keeping a partial result the provider returned', async () => {
    const caller = new AbortController();
    const pending = runAttempt(reactsToAbort('resolve-cancelled'), limits, caller.signal, () => {});
    caller.abort();
    expect(await pending).toMatchObject({ kind: 'cancelled', result: { text: 'part' } });
  });

  it('drops tokens that arrive after it stopped, so they never reach the caller', async () => {
    const seen: string[] = [];
    let late: (text: string) => void = () => {};
    const outcome = await runAttempt(
      (_signal, onToken) => {
        late = onToken;
        onToken('early ');
        return new Promise(() => {});
      },
      { firstTokenTimeoutMs: 1000, overallTimeoutMs: 30 },
      new AbortController().signal,
      (text) => seen.push(text),
    );
    late('late');
    expect(outcome).toMatchObject({ kind: 'error', errorKind: 'timeout', streamed: 'early ' });
    expect(outcome.ttftMs).not.toBeNull();
    expect(seen).toEqual(['early ']);
  });

  it('turns a non-LlmError throw into a transient failure worth a fallback', async () => {
    const outcome = await runAttempt(
      async () => {
        throw new TypeError('socket hang up');
      },
      limits,
      new AbortController().signal,
      () => {},
    );
    expect(outcome).toMatchObject({ kind: 'error', errorKind: 'transient' });
    expect(outcome.kind === 'error' && outcome.error.fallbackWorthy).toBe(true);
  });

  it('does not call the provider at all when the caller already cancelled', async () => {
    const caller = new AbortController();
    caller.abort();
    let called = false;
    const outcome = await runAttempt(
      async () => {
        called = true;
        return result('x');
      },
      limits,
      caller.signal,
      () => {},
    );
    expect(outcome.kind).toBe('cancelled');
    expect(called).toBe(false);
  });
});
