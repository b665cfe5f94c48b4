/**
 * The PDF uses pdfkit's standard fonts (no font files, no network), which encode text as
 * WinAnsi: Latin-1 plus a few typographic characters. Anything else would print as garbage, so
 * emoji and their joiners are dropped and other characters become "?".
 */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const DROPPED = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0e|\ufe0f/gu;

/** The text as the standard fonts can draw it. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.replace(DROPPED, '')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\t') out += ' ';
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) out += char;
    else if (code >= 0x20) out += '?';
  }
  return out.replace(/ {2,}/gu, ' ').trim();
}
