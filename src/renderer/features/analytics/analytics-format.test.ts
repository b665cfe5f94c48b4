import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCompact,
  formatHourSlot,
  formatMoney,
  formatRate,
  formatSignedNumber,
  plural,
} from './analytics-format';

describe('analytics formatters', () => {
  it('shows rates with one decimal and a dash when unknown', () => {
    expect(formatRate(0.0423, 'en-US')).toBe('4.2%');
    expect(formatRate(0, 'en-US')).toBe('0.0%');
    expect(formatRate(null, 'en-US')).toBe('—');
    expect(formatRate(Number.NaN, 'en-US')).toBe('—');
  });

  it('signs changes', () => {
    expect(formatChange(0.125, 'en-US')).toBe('+12.5%');
    expect(formatChange(-0.03, 'en-US')).toBe('-3.0%');
    expect(formatChange(0, 'en-US')).toBe('0.0%');
    expect(formatChange(null, 'en-US')).toBe('—');
    expect(formatSignedNumber(120, 'en-US')).toBe('+120');
    expect(formatSignedNumber(-4, 'en-US')).toBe('-4');
  });

  it('shortens large counts', () => {
    expect(formatCompact(12_400, 'en-US')).toBe('12.4K');
    expect(formatCompact(1_250_000, 'en-US')).toBe('1.3M');
    expect(formatCompact(undefined, 'en-US')).toBe('—');
  });

  it('formats money in its currency', () => {
    expect(formatMoney(1234.5, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(10, 'NOPE', 'en-US')).toBe('10.00 NOPE');
  });

  it('names hour slots and counts', () => {
    expect(formatHourSlot(9)).toBe('09:00–10:00');
    expect(formatHourSlot(23)).toBe('23:00–00:00');
    expect(plural(1, 'post')).toBe('1 post');
    expect(plural(3, 'post')).toBe('3 posts');
  });
});
