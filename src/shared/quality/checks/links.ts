import type { CheckContext, CheckOutcome } from '../context';
import { linksOf } from '../text-features';

/**
 * Link placement: a LinkedIn link in the first line sends readers away before the post is read;
 * Instagram caption links are not clickable at all. Other platforms: links are fine anywhere.
 */
export function linksCheck(ctx: CheckContext): CheckOutcome {
  if (ctx.links.length === 0) return { findings: [] };
  if (ctx.platform === 'instagram') {
    return {
      findings: [
        {
          id: 'link-instagram',
          check: 'links',
          severity: 'warning',
          message: 'Links in Instagram captions are not clickable: put the link in your bio and say "link in bio".',
          penalty: 8,
          fix: { kind: 'auto', label: 'Replace with "link in bio"' },
        },
      ],
    };
  }
  if (ctx.platform === 'linkedin' && linksOf(ctx.firstLine).length > 0) {
    return {
      findings: [
        {
          id: 'link-first-line',
          check: 'links',
          severity: 'warning',
          message: 'A link in the first line takes readers away before they read your post: put it at the end.',
          penalty: 8,
          fix: { kind: 'auto', label: 'Move the link to the end' },
        },
      ],
    };
  }
  return { findings: [] };
}
