import type { CheckContext, CheckOutcome } from '../context';
import { PLATFORM_LIMITS } from '../../platforms/limits';

const PENALTY = 5;

/** Length against the platform's sweet spot (resources/quality-sweet-spots.json): a tip either way. */
export function lengthCheck(ctx: CheckContext): CheckOutcome {
  if (ctx.parts.length > 1) return { skipped: 'A thread: each part is checked against the limit instead' };
  if (!ctx.latin) {
    return { skipped: 'Sweet spots come from studies of Latin-script posts; not applied to this script' };
  }
  const count = ctx.counts[0]!;
  if (count.count > count.limit) return { findings: [] }; // the limit check says it louder
  const { min, max } = ctx.spot.length;
  const name = PLATFORM_LIMITS[ctx.platform].displayName;
  if (count.count < min) {
    return {
      findings: [
        {
          id: 'length-short',
          check: 'length',
          severity: 'tip',
          message: `${count.count} characters: ${name} posts of ${min}–${max} tend to do best. Say a little more.`,
          penalty: PENALTY,
          fix: { kind: 'ai', label: 'Expand with the AI' },
        },
      ],
    };
  }
  if (count.count > max) {
    return {
      findings: [
        {
          id: 'length-long',
          check: 'length',
          severity: 'tip',
          message: `${count.count} characters: ${name} posts of ${min}–${max} tend to do best. Consider tightening.`,
          penalty: PENALTY,
          fix: { kind: 'ai', label: 'Tighten with the AI' },
        },
      ],
    };
  }
  return { findings: [] };
}
