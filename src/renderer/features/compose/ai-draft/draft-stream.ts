import type { EventMap } from '../../../../shared/contract/events';

/** What the preview shows while tokens arrive for one request. */
export interface StreamState {
  requestId: string | null;
  text: string;
  provider: string | null;
  model: string | null;
  /** True once an earlier step failed and a later one took over. */
  fallback: boolean;
}

export const EMPTY_STREAM: StreamState = { requestId: null, text: '', provider: null, model: null, fallback: false };

/** Appends a token of the current request; tokens of other requests are ignored. */
export function applyToken(state: StreamState, event: EventMap['llm:token']): StreamState {
  if (state.requestId === null || event.requestId !== state.requestId) return state;
  return { ...state, text: state.text + event.text };
}

/** A provider starts: a fallback (position > 0) replaces whatever the failed one streamed. */
export function applyAttempt(state: StreamState, event: EventMap['llm:attempt']): StreamState {
  if (state.requestId === null || event.requestId !== state.requestId) return state;
  return {
    ...state,
    text: event.position > 0 ? '' : state.text,
    provider: event.provider,
    model: event.model,
    fallback: event.position > 0,
  };
}
