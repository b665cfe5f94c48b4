/**
 * The text of one draft card while its tokens stream in. The card is editable all along: tokens
 * are appended at the end of whatever the card holds, so the creator's edits to what already
 * arrived are kept. Once the creator has edited, the server's shaped text is no longer swapped in
 * silently; it is offered instead ("Apply platform shaping").
 */
export interface CardText {
  /** What the card shows and saves. */
  body: string;
  /** True once the creator changed the text themselves. */
  edited: boolean;
  /** The platform-shaped text the server finished with, while it waits to be applied. */
  shapedOffer: string | null;
}

export const EMPTY_CARD_TEXT: CardText = { body: '', edited: false, shapedOffer: null };

/** A token arrived: it goes at the end, after any edits. */
export function appendToken(text: CardText, token: string): CardText {
  // Models often open with line breaks; the card starts at the first word.
  const body = text.body === '' ? token.trimStart() : text.body + token;
  return { ...text, body };
}

/** The creator typed: their text wins, and shaping is no longer applied without asking. */
export function editByHand(text: CardText, body: string): CardText {
  if (body === text.body) return text;
  return { ...text, body, edited: true };
}

/**
 * A fallback provider took over: what the failed one streamed is dropped, unless the creator
 * already worked on it (then it stays, and the new tokens follow it).
 */
export function restartStream(text: CardText): CardText {
  return text.edited ? text : { ...text, body: '' };
}

/**
 * The draft is done. Untouched cards show the shaped text; edited cards keep the creator's text
 * and offer the shaped one when it differs.
 */
export function finishStream(text: CardText, shaped: string | null): CardText {
  if (shaped === null || shaped === text.body) return { ...text, shapedOffer: null };
  if (!text.edited) return { ...text, body: shaped, shapedOffer: null };
  return { ...text, shapedOffer: shaped };
}

/** "Apply platform shaping": the shaped text replaces the card's text (revisions keep the old one). */
export function applyShaping(text: CardText): CardText {
  if (text.shapedOffer === null) return text;
  return { body: text.shapedOffer, edited: false, shapedOffer: null };
}
