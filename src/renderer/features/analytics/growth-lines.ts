import type { AnalyticsOverview } from '../../../shared/domain/analytics';
import { platformLabel } from '../../ui/platforms';
import { LINE_PALETTE, PLATFORM_HEX, STRONG_LINE } from './chart-data';
import type { ChartLine } from './LineChart';

/**
 * The followers chart's lines: one per account ("@handle · Instagram", in its platform's colour)
 * and, with more than one account, the total in bold.
 */
export function growthLines(growth: AnalyticsOverview['growth']): ChartLine[] {
  const used = new Set<string>();
  const lines: ChartLine[] = growth.accounts.map((account, i) => {
    const base = PLATFORM_HEX[account.platform] ?? LINE_PALETTE[i % LINE_PALETTE.length] ?? '#6366f1';
    // Two accounts on one platform get different colours.
    const color = used.has(base) ? (LINE_PALETTE[i % LINE_PALETTE.length] ?? base) : base;
    used.add(color);
    const handle = account.handle.startsWith('@') ? account.handle : `@${account.handle}`;
    return {
      label: `${handle} · ${platformLabel(account.platform)}`,
      color,
      points: account.series.map((p) => ({ day: p.date, value: p.followers })),
    };
  });
  if (growth.accounts.length > 1 && growth.total.length > 0) {
    lines.push({
      label: 'All accounts',
      color: STRONG_LINE,
      bold: true,
      points: growth.total.map((p) => ({ day: p.date, value: p.followers })),
    });
  }
  return lines;
}
