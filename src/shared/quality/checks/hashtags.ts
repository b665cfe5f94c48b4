import type { CheckContext, CheckOutcome } from '../context';
import { PLATFORM_LIMITS } from '../../platforms/limits';

/** Hashtag count against the platform's norm (over the hard limit is the limit check's error). */
export function hashtagsCheck(ctx: CheckContext): CheckOutcome {
  const count = ctx.hashtags.length;
  const { min, max } = ctx.spot.hashtags;
  const name = PLATFORM_LIMITS[ctx.platform].displayName;
  if (count > max) {
    const extra = count - max;
    return {
      findings: [
        {
          id: 'hashtags-too-many',
          check: 'hashtags',
          severity: 'warning',
          message:
            max === 0
              ? `${count} hashtags: they rarely help on ${name}.`
              : `${count} hashtags: on ${name} ${min === 0 ? `up to ${max}` : `${min}–${max}`} work best; more looks like spam.`,
          penalty: Math.min(15, 4 + extra),
          fix: { kind: 'auto', label: max === 0 ? 'Remove the hashtags' : `Keep the first ${max}` },
        },
      ],
    };
  }
  if (count === 0 && min >= 3) {
    return {
      findings: [
        {
          id: 'hashtags-none',
          check: 'hashtags',
          severity: 'tip',
          message: `No hashtags: ${name} posts usually carry ${min}–${max} to be found.`,
          penalty: 3,
          fix: { kind: 'none', label: 'Pick some from the hashtag suggestions' },
        },
      ],
    };
  }
  return { findings: [] };
}
