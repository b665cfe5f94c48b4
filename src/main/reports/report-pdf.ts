import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import PDFDocument from 'pdfkit';
import { localMidnight } from './report-dates';
import { formatChange, formatCount, formatRate, METRIC_LABELS, PLATFORM_LABELS } from './report-format';
import {
  COLORS,
  contentWidth,
  FONT,
  heading,
  MARGIN,
  paragraph,
  rule,
  table,
  type TableColumn,
  TYPE,
} from './pdf-layout';
import { drawLineChart } from './pdf-line-chart';
import { pdfSafe } from './pdf-text';
import { isCountMetric, type ReportModel, type ReportPost } from './report-model';

/** Said instead of empty tables, so an empty week reads as a fact, not as a broken report. */
export const NO_POSTS_TEXT = 'No posts were published in this range.';

function dayLabel(day: string): string {
  return format(new TZDate(localMidnight(day, 'UTC'), 'UTC'), 'd MMM');
}

function header(doc: PDFKit.PDFDocument, model: ReportModel): void {
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(TYPE.small).fillColor(COLORS.accent).text('CADENCE', MARGIN, MARGIN, { width });
  doc.moveDown(0.3);
  doc.font(FONT.bold).fontSize(TYPE.title).fillColor(COLORS.text).text(model.title, { width });
  doc.font(FONT.regular).fontSize(TYPE.heading).fillColor(COLORS.text);
  doc.text(`${model.rangeLabel} · ${pdfSafe(model.timezone)}`, { width });
  doc.moveDown(0.4);
  const platforms = model.platforms ? model.platforms.map((p) => PLATFORM_LABELS[p]).join(', ') : 'All platforms';
  paragraph(doc, `Platforms: ${platforms}`, 'note');
  if (model.kind === 'custom')
    paragraph(doc, `Metrics: ${model.metrics.map((m) => METRIC_LABELS[m]).join(', ')}`, 'note');
  const made = format(new TZDate(model.generatedAt, model.timezone), 'yyyy-MM-dd HH:mm');
  paragraph(doc, `Generated ${made} (${model.timezone})`, 'note');
  rule(doc);
}

function totals(doc: PDFKit.PDFDocument, model: ReportModel): void {
  heading(doc, 'Totals');
  const columns: TableColumn[] = [
    { header: 'Metric', share: 0.45 },
    { header: 'Value', share: 0.25, align: 'right' },
    { header: 'Change', share: 0.3, align: 'right' },
  ];
  const rows = [['Posts published', formatCount(model.postsPublished), '']];
  for (const total of model.totals) {
    const value = total.metric === 'engagement_rate' ? formatRate(total.value) : formatCount(total.value);
    rows.push([METRIC_LABELS[total.metric], value, formatChange(total.change ?? null, total.changePercent ?? null)]);
  }
  table(doc, columns, rows);
  paragraph(doc, '"–" means no post in the range reported that count.', 'note');
}

function followersGrowth(doc: PDFKit.PDFDocument, model: ReportModel): void {
  heading(doc, 'Followers growth', 170);
  if (model.followers.length < 2) {
    paragraph(doc, 'Not enough follower data yet for a chart: import account metrics or connect an account.');
    return;
  }
  const box = { x: MARGIN, y: doc.y, width: contentWidth(doc), height: 150 };
  drawLineChart(
    doc,
    model.followers.map((p) => ({ label: dayLabel(p.date), value: p.followers })),
    box,
  );
  doc.x = MARGIN;
  doc.y = box.y + box.height + 4;
  const first = model.followers[0];
  const last = model.followers[model.followers.length - 1];
  if (first && last) {
    paragraph(
      doc,
      `Total followers across accounts, from ${formatCount(first.followers)} to ${formatCount(last.followers)}.`,
      'note',
    );
  }
}

function engagementByPlatform(doc: PDFKit.PDFDocument, model: ReportModel): void {
  heading(doc, 'Engagement by platform');
  if (model.engagementByPlatform.length === 0) {
    paragraph(doc, NO_POSTS_TEXT);
    return;
  }
  table(
    doc,
    [
      { header: 'Platform', share: 0.45 },
      { header: 'Posts', share: 0.25, align: 'right' },
      { header: 'Engagement rate', share: 0.3, align: 'right' },
    ],
    model.engagementByPlatform.map((p) => [
      PLATFORM_LABELS[p.platform],
      formatCount(p.posts),
      formatRate(p.engagementRate),
    ]),
  );
  doc.moveDown(0.3);
  paragraph(doc, 'How each rate is computed (as the platform’s own analytics does):', 'note');
  for (const p of model.engagementByPlatform) paragraph(doc, `${PLATFORM_LABELS[p.platform]}: ${p.formula}`, 'note');
}

function postTable(doc: PDFKit.PDFDocument, model: ReportModel, title: string, posts: ReportPost[]): void {
  heading(doc, title);
  if (posts.length === 0) {
    paragraph(doc, model.posts.length === 0 ? NO_POSTS_TEXT : 'No post in this range had enough reach to rank yet.');
    return;
  }
  // At most two chosen counters fit beside the title; the CSV has all of them.
  const counters = model.metrics.filter(isCountMetric).slice(0, 2);
  const counterShare = 0.11;
  const columns: TableColumn[] = [
    { header: '#', share: 0.05 },
    { header: 'Post', share: 0.55 - counters.length * counterShare },
    { header: 'Platform', share: 0.13 },
    { header: 'Published', share: 0.14 },
    ...counters.map((m): TableColumn => ({ header: METRIC_LABELS[m], share: counterShare, align: 'right' })),
    { header: 'Eng. rate', share: 0.13, align: 'right' },
  ];
  table(
    doc,
    columns,
    posts.map((p, i) => [
      String(i + 1),
      p.title,
      PLATFORM_LABELS[p.platform],
      p.publishedLocal.slice(0, 10),
      ...counters.map((m) => formatCount(p.counts[m])),
      formatRate(p.engagementRate),
    ]),
  );
  paragraph(
    doc,
    `Ranked by engagement rate; posts with an audience under ${formatCount(model.minExposure)} are left out.`,
    'note',
  );
}

function drawPageNumbers(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(TYPE.small).fillColor(COLORS.muted);
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 16, {
      width: contentWidth(doc),
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The report as a PDF (A4, standard fonts only, nothing fetched), in memory. Sections follow the
 * model's choice; an empty range says so instead of drawing empty tables.
 */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      info: {
        Title: `${model.title}: ${model.rangeLabel}`,
        Author: 'Cadence',
        CreationDate: new Date(model.generatedAt),
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      header(doc, model);
      if (model.posts.length === 0) paragraph(doc, NO_POSTS_TEXT);
      const has = (section: ReportModel['sections'][number]): boolean => model.sections.includes(section);
      if (has('totals')) totals(doc, model);
      if (has('followers_growth') && model.metrics.includes('followers')) followersGrowth(doc, model);
      if (has('engagement_by_platform') && model.metrics.includes('engagement_rate')) engagementByPlatform(doc, model);
      if (has('top_posts')) postTable(doc, model, 'Top posts', model.topPosts);
      if (has('bottom_posts')) postTable(doc, model, 'Bottom posts', model.bottomPosts);
      drawPageNumbers(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
