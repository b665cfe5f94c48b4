import { describe, expect, it } from 'vitest';
import { appendToken, applyShaping, EMPTY_CARD_TEXT, editByHand, finishStream, restartStream } from './card-stream';

describe('a card streaming while the creator edits', () => {
  it('appends tokens after the creator’s edits and keeps them', () => {
    let text = appendToken(EMPTY_CARD_TEXT, '\n\nOnce upon');
    text = appendToken(text, ' a time');
    expect(text.body).toBe('Once upon a time');
    text = editByHand(text, 'Once, upon a time');
    text = appendToken(text, ' there was');
    expect(text).toEqual({ body: 'Once, upon a time there was', edited: true, shapedOffer: null });
  });

  it('shows the shaped text when the creator did not edit', () => {
    const text = finishStream(appendToken(EMPTY_CARD_TEXT, 'raw text'), '1/2 raw\n---\n2/2 text');
    expect(text).toEqual({ body: '1/2 raw\n---\n2/2 text', edited: false, shapedOffer: null });
  });

  it('offers the shaped text when the creator edited, and applies it on request', () => {
    const edited = editByHand(appendToken(EMPTY_CARD_TEXT, 'raw'), 'my raw');
    const done = finishStream(edited, 'Shaped');
    expect(done).toEqual({ body: 'my raw', edited: true, shapedOffer: 'Shaped' });
    expect(applyShaping(done)).toEqual({ body: 'Shaped', edited: false, shapedOffer: null });
  });

  it('offers nothing when shaping changed nothing or there is no shaped text', () => {
    const edited = editByHand(EMPTY_CARD_TEXT, 'same');
    expect(finishStream(edited, 'same').shapedOffer).toBeNull();
    expect(finishStream(edited, null)).toEqual({ ...edited, shapedOffer: null });
    expect(applyShaping(edited)).toBe(edited);
  });

  it('drops a failed provider’s text on fallback unless the creator worked on it', () => {
    expect(restartStream(appendToken(EMPTY_CARD_TEXT, 'half')).body).toBe('');
    const edited = editByHand(EMPTY_CARD_TEXT, 'mine');
    expect(restartStream(edited)).toBe(edited);
  });

  it('ignores a change event that changes nothing', () => {
    const text = appendToken(EMPTY_CARD_TEXT, 'same');
    expect(editByHand(text, 'same')).toBe(text);
  });
});
