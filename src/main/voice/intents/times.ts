import * as chrono from 'chrono-node';
import type { VoiceLanguage } from '../../../shared/domain/voice';
import { spokenTimeToDigits } from './spoken-numbers';
import { instantOf, isoInZone, nextDay, offsetMinutesAt, wallClockAt, type WallClock } from './zoned-time';

export type TimeResolution =
  | { ok: true; at: string; spoken: string }
  /** no-time: no date/time found or extra words; no-hour: a day without a time; past: it already happened. */
  | { ok: false; reason: 'no-time' | 'no-hour' | 'past' };

export interface TimeContext {
  now: Date;
  timeZone: string;
  language: VoiceLanguage;
}

/** Words that may surround a time without changing it ("for tomorrow at 9", "para el lunes"). */
const CONNECTORS = new Set([
  'for',
  'on',
  'at',
  'to',
  'the',
  'by',
  'para',
  'el',
  'la',
  'a',
  'las',
  'de',
  'en',
  'al',
  'go',
  'out',
]);

const PM = /\b(in the afternoon|in the evening|at night|de la tarde|de la noche|por la tarde|por la noche)\b/;
const AM = /\b(in the morning|de la manana|de la madrugada|por la manana)\b/;
const RELATIVE = /\b(in|en|dentro de) (\d+|an?|una?|media) (minutes?|mins?|hours?|horas?|minutos?)\b/;

function rewrite(phrase: string, language: VoiceLanguage): { text: string; meridiem: 'am' | 'pm' | null } {
  let text = spokenTimeToDigits(phrase);
  let meridiem: 'am' | 'pm' | null = null;
  if (PM.test(text)) meridiem = 'pm';
  else if (AM.test(text)) meridiem = 'am';
  text = text.replace(PM, ' ').replace(AM, ' ');
  text = text
    .replace(/\b(at )?(noon|midday)\b/g, 'at 12 pm')
    .replace(/\b(at )?midnight\b/g, 'at 0:00')
    .replace(/\b(al|a) mediodia\b/g, 'a las 12:00')
    .replace(/\b(a la )?medianoche\b/g, 'a las 0:00');
  if (language === 'es') {
    // chrono-es knows "próximo lunes" but not "el lunes que viene".
    text = text.replace(/\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo) que viene\b/g, 'proximo $1');
    text = text.replace(/\bmedia hora\b/g, '30 minutos');
  } else {
    text = text.replace(/\bhalf an hour\b/g, '30 minutes').replace(/\ban hour\b/g, '1 hour');
  }
  return { text: text.replace(/\s+/g, ' ').trim(), meridiem };
}

/** 1–12 without am/pm read as a working-day hour: 7–11 in the morning, 12 noon, 1–6 in the afternoon. */
function daytimeHour(hour: number): number {
  if (hour >= 7 && hour <= 11) return hour;
  if (hour === 12) return 12;
  return hour + 12;
}

/**
 * Resolves a spoken time ("tomorrow at 9", "next monday at 3pm", "in two hours", "mañana a las 9")
 * to an instant in the creator's zone, with `now` as the reference.
 *
 * "at 9" without am/pm (decided): the working-day reading (7–11 → morning, 12 → noon, 1–6 →
 * afternoon). With a day given ("tomorrow at 9") that reading on that day. Without a day it is the
 * first future one of: the working-day reading today, the evening reading today (7–11 → 19–23 h),
 * the working-day reading tomorrow — so "at 9" said at 10:00 is 21:00, said at 22:00 is 9:00 tomorrow,
 * and "at 3" said at 16:00 is 15:00 tomorrow (3 am is never meant). A day with no hour, or a time
 * that is already past, is not resolved (the caller suggests a phrasing instead).
 */
export function resolveSpokenTime(phrase: string, ctx: TimeContext): TimeResolution {
  const { text, meridiem } = rewrite(phrase, ctx.language);
  if (text === '') return { ok: false, reason: 'no-time' };
  const reference = { instant: ctx.now, timezone: offsetMinutesAt(ctx.now, ctx.timeZone) };
  const parser = ctx.language === 'es' ? chrono.es : chrono.en;
  const result = parser.parse(text, reference, { forwardDate: true })[0];
  if (!result) return { ok: false, reason: 'no-time' };
  const leftover = (text.slice(0, result.index) + ' ' + text.slice(result.index + result.text.length))
    .split(' ')
    .filter((w) => w !== '' && !CONNECTORS.has(w));
  if (leftover.length > 0) return { ok: false, reason: 'no-time' };
  const spoken = phrase.slice(0, 200);

  if (RELATIVE.test(text)) return { ok: true, at: isoInZone(result.start.date(), ctx.timeZone), spoken };
  if (!result.start.isCertain('hour')) return { ok: false, reason: 'no-hour' };

  let hour = result.start.get('hour') ?? 0;
  const minute = result.start.get('minute') ?? 0;
  const certainMeridiem = result.start.isCertain('meridiem') || meridiem !== null || hour > 12 || hour === 0;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;

  const dayGiven = ['day', 'weekday', 'month'].some((c) => result.start.isCertain(c as chrono.Component));
  const today = wallClockAt(ctx.now, ctx.timeZone);
  const day: WallClock = dayGiven
    ? {
        year: result.start.get('year')!,
        month: result.start.get('month')!,
        day: result.start.get('day')!,
        hour: 0,
        minute: 0,
      }
    : { ...today, hour: 0, minute: 0 };
  const isToday = day.year === today.year && day.month === today.month && day.day === today.day;
  const at = (d: WallClock, h: number): WallClock => ({ ...d, hour: h, minute });

  const candidates: WallClock[] = [];
  if (certainMeridiem) {
    candidates.push(at(day, hour));
    if (!dayGiven) candidates.push(at(nextDay(day), hour));
  } else {
    candidates.push(at(day, daytimeHour(hour)));
    if (isToday && hour >= 7 && hour <= 11) candidates.push(at(day, hour + 12));
    if (!dayGiven) candidates.push(at(nextDay(day), daytimeHour(hour)));
  }
  for (const wall of candidates) {
    const instant = instantOf(wall, ctx.timeZone);
    if (instant.getTime() > ctx.now.getTime()) return { ok: true, at: isoInZone(instant, ctx.timeZone), spoken };
  }
  return { ok: false, reason: 'past' };
}
