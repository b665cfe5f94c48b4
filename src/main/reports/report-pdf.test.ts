import { describe, expect, it } from 'vitest';
import { NO_POSTS_TEXT, renderReportPdf } from './report-pdf';
import { pdfToText } from './pdf-to-text.test-support';
import { reportPost, weeklyModel } from './report-model.test-support';

describe('renderReportPdf', () => {
  it('writes a PDF with the title, range, totals, chart labels, formulas and a top post', async () => {
    const pdf = await renderReportPdf(weeklyModel());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfToText(pdf);
    expect(text).toContain('Weekly report');
    expect(text).toContain('16 – 22 Nov 2026');
    expect(text).toMatch(/Impressions\s+15,500/u);
    expect(text).toMatch(/Likes\s+650/u);
    expect(text).toMatch(/Engagement rate\s+5\.14 %/u);
    expect(text).toMatch(/Followers\s+4,321\s+\+121 \(\+2\.9 %\)/u);
    expect(text).toContain('Followers growth');
    expect(text).toContain('16 Nov');
    expect(text).toContain('22 Nov');
    expect(text).toContain('(likes + replies + reposts + clicks) ÷ impressions');
    expect(text).toContain('Top posts');
    expect(text).toContain('Sourdough starter in five days');
    expect(text).toContain('Page 1 of');
    expect(text).not.toContain(NO_POSTS_TEXT);
  });

  it('truncates long titles to their column', async () => {
    const title = `A very long title ${'about bread '.repeat(20)}that ends here`;
    const model = weeklyModel();
    const post = reportPost({ title, engagementRate: 0.1 });
    const text = pdfToText(await renderReportPdf({ ...model, topPosts: [post], posts: [post] }));
    expect(text).toContain('A very long title about bread');
    expect(text).not.toContain('that ends here');
  });

  it('says honestly that nothing was published in an empty range', async () => {
    const empty = weeklyModel({
      postsPublished: 0,
      posts: [],
      topPosts: [],
      bottomPosts: [],
      engagementByPlatform: [],
      followers: [],
      totals: [{ metric: 'impressions', value: null }],
    });
    const text = pdfToText(await renderReportPdf(empty));
    expect(text).toContain(NO_POSTS_TEXT);
    expect(text).toContain('Not enough follower data yet');
    expect(text).toMatch(/Posts published\s+0/u);
  });

  it('shows only the chosen metrics and sections of a custom report', async () => {
    const model = weeklyModel({
      kind: 'custom',
      title: 'Custom report',
      metrics: ['likes', 'comments'],
      sections: ['totals', 'top_posts', 'followers_growth', 'engagement_by_platform'],
      totals: [
        { metric: 'likes', value: 650 },
        { metric: 'comments', value: 45 },
      ],
    });
    const text = pdfToText(await renderReportPdf(model));
    expect(text).toContain('Custom report');
    expect(text).toContain('Metrics: Likes, Comments');
    expect(text).toMatch(/Likes\s+650/u);
    expect(text).not.toMatch(/Impressions\s+15,500/u);
    // Followers and engagement rate were not chosen, so their sections stay out; so does "Bottom posts".
    expect(text).not.toContain('Followers growth');
    expect(text).not.toContain('Engagement by platform');
    expect(text).not.toContain('Bottom posts');
  });

  it('draws text the standard fonts cannot encode as something readable', async () => {
    const post = reportPost({ title: 'Croissants 🥐 at dawn', engagementRate: 0.05 });
    const text = pdfToText(await renderReportPdf(weeklyModel({ topPosts: [post], posts: [post] })));
    expect(text).toContain('Croissants at dawn');
  });

  it('breaks long tables across pages', async () => {
    const posts = Array.from({ length: 60 }, (_, i) =>
      reportPost({ title: `Post number ${i + 1}`, engagementRate: 0.01 }),
    );
    const text = pdfToText(await renderReportPdf(weeklyModel({ topPosts: posts, bottomPosts: posts, posts })));
    expect(text).toContain('Post number 60');
    expect(text).toMatch(/Page 3 of \d/u);
  });
});
