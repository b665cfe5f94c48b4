import { COLORS, FONT, TYPE } from './pdf-layout';

export interface ChartPoint {
  /** Shown under the x axis for the first, middle and last point. */
  label: string;
  value: number;
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A step of 1, 2 or 5 × 10^n that cuts the span into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return Math.max(step, 1);
}

/** Axis ticks covering [min, max] on whole steps (follower counts are whole numbers). */
export function axisTicks(min: number, max: number): number[] {
  const low = min === max ? min - 1 : min;
  const high = min === max ? max + 1 : max;
  const step = niceStep(high - low, 4);
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t <= Math.ceil(high / step) * step + step / 2; t += step) ticks.push(t);
  return ticks;
}

const fullTicks = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactTicks = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/** 4,250 under a million; 1.25M above, where full numbers would not fit beside the axis. */
function tickLabel(value: number): string {
  return Math.abs(value) >= 1_000_000 ? compactTicks.format(value) : fullTicks.format(value);
}

/**
 * A line chart drawn with pdfkit paths: y axis with gridlines and compact labels, x axis with
 * the first, middle and last labels, and the series as one stroked path. Needs at least one point.
 */
export function drawLineChart(doc: PDFKit.PDFDocument, points: ChartPoint[], box: ChartBox): void {
  const values = points.map((p) => p.value);
  const ticks = axisTicks(Math.min(...values), Math.max(...values));
  const yMin = ticks[0] ?? 0;
  const yMax = ticks[ticks.length - 1] ?? 1;
  const plot = { left: box.x + 44, right: box.x + box.width - 8, top: box.y + 6, bottom: box.y + box.height - 18 };
  const xAt = (i: number): number =>
    points.length === 1
      ? (plot.left + plot.right) / 2
      : plot.left + ((plot.right - plot.left) * i) / (points.length - 1);
  const yAt = (v: number): number => plot.bottom - ((plot.bottom - plot.top) * (v - yMin)) / (yMax - yMin || 1);

  doc.save();
  doc.font(FONT.regular).fontSize(TYPE.small);
  for (const tick of ticks) {
    const y = yAt(tick);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).lineWidth(0.4).strokeColor(COLORS.grid).stroke();
    doc.fillColor(COLORS.muted).text(tickLabel(tick), box.x, y - 3.5, {
      width: plot.left - box.x - 6,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom);
  doc.lineWidth(0.75).strokeColor(COLORS.muted).stroke();

  const labelled = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  for (const i of labelled) {
    const point = points[i];
    if (!point) continue;
    const align =
      i === 0 && points.length > 1 ? 'left' : i === points.length - 1 && points.length > 1 ? 'right' : 'center';
    const x = align === 'left' ? xAt(i) : align === 'right' ? xAt(i) - 80 : xAt(i) - 40;
    doc.fillColor(COLORS.muted).text(point.label, x, plot.bottom + 5, { width: 80, align, lineBreak: false });
  }

  points.forEach((p, i) => (i === 0 ? doc.moveTo(xAt(i), yAt(p.value)) : doc.lineTo(xAt(i), yAt(p.value))));
  if (points.length > 1) doc.lineWidth(1.5).lineJoin('round').strokeColor(COLORS.accent).stroke();
  const last = points[points.length - 1];
  if (last)
    doc
      .circle(xAt(points.length - 1), yAt(last.value), 2.2)
      .fillColor(COLORS.accent)
      .fill();
  doc.restore();
}
