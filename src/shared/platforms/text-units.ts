/** Plain length measures. All are pure and allocation-light: they run on every keystroke. */

/** UTF-16 code units: JavaScript's `string.length` (an emoji or a CJK Extension B ideograph is 2). */
export function utf16Length(text: string): number {
  return text.length;
}

/** Unicode code points (an astral emoji is 1, a ZWJ family of four people is 7). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * UTF-8 bytes, as the text would be sent. A lone surrogate is encoded as U+FFFD (3 bytes), which is
 * what TextEncoder and every HTTP client do with it.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
