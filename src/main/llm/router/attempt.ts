import { type GenerateResult, LlmError } from '../provider';
import type { AttemptErrorKind } from '../usage/usage.repository';

export interface AttemptLimits {
  /** Abort if no token (nor a finished result) arrives within this long. */
  firstTokenTimeoutMs: number;
  overallTimeoutMs: number;
}

/** How one provider call ended; `streamed` is the text passed on to the caller so far. */
export type AttemptOutcome = {
  streamed: string;
  ttftMs: number | null;
  durationMs: number;
} & (
  | { kind: 'ok'; result: GenerateResult }
  | { kind: 'cancelled'; result: GenerateResult | null }
  | { kind: 'error'; error: LlmError; errorKind: AttemptErrorKind }
);

type StopReason = 'cancelled' | 'first_token' | 'overall';

export type AttemptCall = (signal: AbortSignal, onToken: (text: string) => void) => Promise<GenerateResult>;

/**
 * Runs one provider call under the caller's cancel signal and both timeouts. The call races the
 * abort, so a provider that ignores its signal still cannot hold the chain up; its late tokens
 * are dropped, so they never mix into the next provider's stream.
 */
export async function runAttempt(
  call: AttemptCall,
  limits: AttemptLimits,
  callerSignal: AbortSignal,
  onToken: (text: string) => void,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  // Mutated from callbacks, so held in an object (TypeScript would narrow plain lets to null).
  const live: { stopped: StopReason | null; ttftMs: number | null; streamed: string } = {
    stopped: null,
    ttftMs: null,
    streamed: '',
  };
  let wake: () => void = () => {};
  const aborted = new Promise<void>((resolve) => (wake = resolve));

  const stop = (why: StopReason) => {
    if (live.stopped) return;
    live.stopped = why;
    controller.abort(new LlmError(why === 'cancelled' ? 'cancelled' : 'transient', `stopped: ${why}`));
    wake();
  };
  const onCallerAbort = () => stop('cancelled');
  callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  const firstTokenTimer = setTimeout(() => stop('first_token'), limits.firstTokenTimeoutMs);
  const overallTimer = setTimeout(() => stop('overall'), limits.overallTimeoutMs);
  if (callerSignal.aborted) stop('cancelled');

  const relay = (text: string) => {
    if (live.stopped) return;
    if (live.ttftMs === null) {
      live.ttftMs = performance.now() - started;
      clearTimeout(firstTokenTimer);
    }
    live.streamed += text;
    onToken(text);
  };
  const snapshot = () => ({ streamed: live.streamed, ttftMs: live.ttftMs, durationMs: performance.now() - started });

  const pending = live.stopped ? Promise.resolve(null) : call(controller.signal, relay);
  // The loser of the race may still reject later; that must not become an unhandled rejection.
  pending.catch(() => {});
  // Once the attempt was stopped, the reason we stopped it decides the outcome — not whatever the
  // provider made of the abort (it may reject with 'cancelled' or return a 'cancelled' result).
  const stoppedOutcome = (): AttemptOutcome | null => {
    if (live.stopped === 'cancelled') return { ...snapshot(), kind: 'cancelled', result: null };
    if (live.stopped)
      return { ...snapshot(), kind: 'error', errorKind: 'timeout', error: timeoutError(live.stopped, limits) };
    return null;
  };
  try {
    const result = await Promise.race([pending, aborted.then(() => null)]);
    const stopped = stoppedOutcome();
    if (stopped) return stopped.kind === 'cancelled' && result ? { ...stopped, result } : stopped;
    if (!result) throw new LlmError('transient', 'The provider returned nothing');
    if (result.finishReason === 'cancelled') return { ...snapshot(), kind: 'cancelled', result };
    return { ...snapshot(), kind: 'ok', result };
  } catch (caught) {
    const stopped = stoppedOutcome();
    if (stopped) return stopped;
    const error = asLlmError(caught);
    if (error.kind === 'cancelled') return { ...snapshot(), kind: 'cancelled', result: null };
    return { ...snapshot(), kind: 'error', errorKind: error.kind, error };
  } finally {
    clearTimeout(firstTokenTimer);
    clearTimeout(overallTimer);
    callerSignal.removeEventListener('abort', onCallerAbort);
  }
}

function timeoutError(which: 'first_token' | 'overall', limits: AttemptLimits): LlmError {
  return which === 'first_token'
    ? new LlmError('transient', `No first token within ${limits.firstTokenTimeoutMs} ms`)
    : new LlmError('transient', `The generation took longer than ${limits.overallTimeoutMs} ms`);
}

/** Providers should throw LlmError; anything else is treated as a transient fault worth a fallback. */
export function asLlmError(caught: unknown): LlmError {
  if (caught instanceof LlmError) return caught;
  const message = caught instanceof Error ? caught.message : String(caught);
  return new LlmError('transient', message, { cause: caught });
}
