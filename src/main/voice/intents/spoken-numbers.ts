/**
 * Recognizers write times as words ("tomorrow at nine thirty", "a las nueve y media") and chrono
 * reads digits best: the time phrase is rewritten to digits before it is parsed.
 */
const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintidos: 22,
  veintitres: 23,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
};
const TENS = new Set([20, 30, 40, 50]);

/** Number words to digits ("twenty five" → 25, "treinta y cinco" → 35); other words untouched. */
function numbersToDigits(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const value = UNITS[w];
    // "una" is also an article ("una hora" is handled by chrono); "oh" only inside a time ("nine oh five").
    if (value === undefined || (w === 'oh' && !/^\d+$/.test(out.at(-1) ?? ''))) {
      out.push(w);
      continue;
    }
    let n = value;
    const next = words[i + 1];
    const afterY = words[i + 2];
    if (TENS.has(n) && next && UNITS[next] !== undefined && UNITS[next]! < 10 && UNITS[next]! > 0) {
      n += UNITS[next]!;
      i += 1;
    } else if (TENS.has(n) && next === 'y' && afterY && UNITS[afterY] !== undefined && UNITS[afterY]! < 10) {
      n += UNITS[afterY]!;
      i += 2;
    }
    out.push(String(n));
  }
  return out;
}

/**
 * A spoken time phrase in chrono-friendly form: digits, "9 30" → "9:30", "9 oh 5" → "9:05",
 * "half past 9" → "9:30", "9 y media" → "9:30", "9 y cuarto" → "9:15", "o clock"/"en punto" dropped.
 */
export function spokenTimeToDigits(phrase: string): string {
  let text = numbersToDigits(phrase.split(' ')).join(' ');
  text = text
    .replace(/\b(\d{1,2}) 0 (\d)\b/g, '$1:0$2')
    .replace(/\bhalf past (\d{1,2})\b/g, '$1:30')
    .replace(/\bquarter past (\d{1,2})\b/g, '$1:15')
    .replace(/\b(\d{1,2}) y media\b/g, '$1:30')
    .replace(/\b(\d{1,2}) y cuarto\b/g, '$1:15')
    .replace(/\b(\d{1,2}) y (\d{1,2})\b/g, (_m, h: string, m: string) => `${h}:${m.padStart(2, '0')}`)
    .replace(/\b(\d{1,2}) o ?clock\b/g, '$1')
    .replace(/\b(\d{1,2}) en punto\b/g, '$1')
    // "at 9 30 am": an hour then minutes (10–59) is a clock time.
    .replace(/\b(at|a las|a la) (\d{1,2}) ([1-5]\d)\b/g, '$1 $2:$3');
  return text;
}
