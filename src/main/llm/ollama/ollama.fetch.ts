/**
 * A fetch for the `ollama` client that gives up after `timeoutMs` on plain request/response
 * calls (version, list, show...). The client passes its own AbortSignal only for streamed
 * calls (chat, generate, pull); those are left alone, since a long answer is not a hang.
 */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) =>
    init?.signal ? base(input, init) : base(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}
