import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../../shared/contract/errors';
import { describeDraftError } from './draft-errors';

describe('draft errors in plain words', () => {
  it('explains privacy and budget refusals', () => {
    const privacy = new ContractError('FORBIDDEN', 'blocked by privacy mode', { reason: 'privacy_blocked' });
    expect(describeDraftError(privacy)).toEqual({
      title: expect.stringMatching(/^Privacy mode is on/),
      detail: 'blocked by privacy mode',
    });
    const budget = new ContractError('FORBIDDEN', 'over the ceiling', { reason: 'budget_exceeded' });
    expect(describeDraftError(budget).title).toMatch(/spending ceiling/);
  });

  it('names the provider that could not answer', () => {
    const down = new ContractError('UNAVAILABLE', 'connect ECONNREFUSED', {
      kind: 'provider_down',
      provider: 'ollama',
    });
    expect(describeDraftError(down).title).toBe(
      'Ollama is not running, and no other model could take over. See the AI page.',
    );
    const limited = new ContractError('UNAVAILABLE', '429', {
      kind: 'rate_limited',
      provider: 'groq',
      retryAfterMs: 2500,
    });
    expect(describeDraftError(limited).title).toBe('Groq is busy right now. Try again in 3 s.');
    const missing = new ContractError('UNAVAILABLE', 'model not found', { kind: 'not_found', provider: 'embedded' });
    expect(describeDraftError(missing).title).toMatch(/^The embedded engine does not have the model/);
  });

  it('lists every step tried when the whole chain failed', () => {
    const error = new ContractError('UNAVAILABLE', 'No model could finish the drafting request', {
      kind: 'not_found',
      provider: 'embedded',
      attempts: [
        {
          provider: 'ollama',
          model: 'llama3.2:3b',
          errorKind: 'not_found',
          message: 'Ollama has no model "llama3.2:3b"',
        },
        { provider: 'embedded', model: 'e1', errorKind: 'not_found', message: 'No embedded model "e1"' },
      ],
    });
    expect(describeDraftError(error)).toEqual({
      title: 'None of the models set up for drafting could answer. Pull a model or pick another on the AI page.',
      detail:
        'Ollama · llama3.2:3b: Ollama has no model "llama3.2:3b"; The embedded engine · e1: No embedded model "e1"',
    });
  });

  it('falls back to the message for anything else', () => {
    expect(describeDraftError(new Error('socket closed'))).toEqual({
      title: 'The draft could not be written.',
      detail: 'socket closed',
    });
  });
});
