/** Formatters for the analytics pages. Pure; the locale defaults to the user's. */

/** A 0..1 rate as "4.2%" (one decimal: engagement rates are small numbers); "—" when unknown. */
export function formatRate(rate: number | null | undefined, locale?: string): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    rate,
  );
}

/** A relative change as "+12.5%" / "−3.0%" (a sign always, so growth reads at a glance); "—" when unknown. */
export function formatChange(change: number | null | undefined, locale?: string): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** A whole-number difference with its sign: "+120", "−4", "0". */
export function formatSignedNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(value);
}

/** Large counts shortened for cards and axes: 12 400 -> "12K", 1 250 000 -> "1.3M". */
export function formatCompact(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Money in the entry's currency: "$1,234.50"; falls back to "1234.50 XYZ" for an unknown code. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Weekday names with Monday first (0 = Monday … 6 = Sunday), as the analytics core numbers them. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** An hour of the day as a one-hour slot: 9 -> "09:00–10:00". */
export function formatHourSlot(hour: number): string {
  const pad = (h: number) => String(h % 24).padStart(2, '0');
  return `${pad(hour)}:00–${pad(hour + 1)}:00`;
}

/** "1 post" / "3 posts": a count with its noun. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${new Intl.NumberFormat().format(count)} ${count === 1 ? singular : pluralForm}`;
}
