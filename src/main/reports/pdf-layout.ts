import { pdfSafe } from './pdf-text';

/** One look for every report page: A4, 50 pt margins, four type sizes, three greys and one accent. */
export const MARGIN = 50;
export const TYPE = { title: 20, heading: 13, body: 10, small: 8 } as const;
export const COLORS = {
  text: '#1f2933',
  muted: '#6b7280',
  rule: '#d1d5db',
  grid: '#eceff3',
  accent: '#4f46e5',
} as const;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

const ROW_HEIGHT = 17;

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when fewer than `height` points are left, so a block is never split badly. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** The longest start of `text` that fits `width` at the current font, with an ellipsis when cut. */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const safe = pdfSafe(text);
  if (doc.widthOfString(safe) <= width) return safe;
  let low = 0;
  let high = safe.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${safe.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${safe.slice(0, low).trimEnd()}…`;
}

/** A section heading, kept together with at least `keepWith` points of what follows. */
export function heading(doc: PDFKit.PDFDocument, text: string, keepWith = 80): void {
  doc.moveDown(1.2);
  ensureSpace(doc, keepWith + 24);
  doc.font(FONT.bold).fontSize(TYPE.heading).fillColor(COLORS.text);
  doc.text(pdfSafe(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

/** Body text (or small muted text) across the content width. */
export function paragraph(doc: PDFKit.PDFDocument, text: string, style: 'body' | 'note' = 'body'): void {
  const size = style === 'body' ? TYPE.body : TYPE.small;
  doc
    .font(FONT.regular)
    .fontSize(size)
    .fillColor(style === 'body' ? COLORS.text : COLORS.muted);
  ensureSpace(doc, doc.heightOfString(pdfSafe(text), { width: contentWidth(doc) }));
  doc.text(pdfSafe(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
}

export function rule(doc: PDFKit.PDFDocument, gapAfter = 10): void {
  const y = doc.y + 4;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.y = y + gapAfter;
}

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'right';
}

function drawRow(doc: PDFKit.PDFDocument, columns: TableColumn[], cells: string[], bold: boolean): void {
  const width = contentWidth(doc);
  const y = doc.y;
  let x = doc.page.margins.left;
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(bold ? TYPE.small : TYPE.body);
  doc.fillColor(bold ? COLORS.muted : COLORS.text);
  columns.forEach((column, i) => {
    const cellWidth = column.share * width - 6;
    const text = fitText(doc, cells[i] ?? '', cellWidth);
    doc.text(text, x, y + (bold ? 5 : 4), { width: cellWidth, align: column.align ?? 'left', lineBreak: false });
    x += column.share * width;
  });
  const bottom = y + ROW_HEIGHT;
  doc
    .moveTo(doc.page.margins.left, bottom)
    .lineTo(doc.page.margins.left + width, bottom)
    .lineWidth(bold ? 0.75 : 0.4)
    .strokeColor(bold ? COLORS.rule : COLORS.grid)
    .stroke();
  doc.y = bottom;
}

/** A plain table: a bold header line and one line per row, the header repeated after a page break. */
export function table(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][]): void {
  ensureSpace(doc, ROW_HEIGHT * Math.min(rows.length + 1, 4));
  drawRow(
    doc,
    columns,
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) {
    if (doc.y + ROW_HEIGHT > bottomLimit(doc)) {
      doc.addPage();
      drawRow(
        doc,
        columns,
        columns.map((c) => c.header),
        true,
      );
    }
    drawRow(doc, columns, row, false);
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(0.3);
}
