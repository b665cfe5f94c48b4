import { describe, expect, it } from 'vitest';
import { applyAttempt, applyToken, EMPTY_STREAM } from './draft-stream';
import { statusLine } from './status-line';

const mine = { ...EMPTY_STREAM, requestId: 'r1' };

describe('the streamed draft', () => {
  it('appends tokens of its own request only', () => {
    let state = applyToken(mine, { requestId: 'r1', text: 'Hello' });
    state = applyToken(state, { requestId: 'other', text: ' nope' });
    state = applyToken(state, { requestId: 'r1', text: ' world' });
    expect(state.text).toBe('Hello world');
    expect(applyToken(EMPTY_STREAM, { requestId: 'r1', text: 'x' })).toBe(EMPTY_STREAM);
  });

  it('drops streamed text when a fallback takes over', () => {
    let state = applyAttempt(mine, { requestId: 'r1', provider: 'ollama', model: 'tiny', position: 0 });
    state = applyToken(state, { requestId: 'r1', text: 'half a sen' });
    state = applyAttempt(state, { requestId: 'r1', provider: 'embedded', model: 'e1', position: 1 });
    expect(state).toEqual({ requestId: 'r1', text: '', provider: 'embedded', model: 'e1', fallback: true });
  });

  it('says what is happening and who writes', () => {
    const who = { ...mine, provider: 'ollama', model: 'tinyllama:1.1b' };
    expect(statusLine('generating', mine)).toBe('Starting…');
    expect(statusLine('generating', who)).toBe('Writing with Ollama · tinyllama:1.1b…');
    expect(statusLine('stopped', who)).toBe('Stopped — kept what Ollama · tinyllama:1.1b wrote so far.');
    expect(statusLine('stopped', mine)).toBe('Stopped before any text arrived.');
    expect(statusLine('done', { ...who, fallback: true })).toBe(
      'Written by Ollama · tinyllama:1.1b (after the first choice failed).',
    );
  });
});
