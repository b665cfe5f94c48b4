import type { CheckContext, CheckOutcome } from '../context';
import type { Finding } from '../finding';
import { PLATFORM_LIMITS } from '../../platforms/limits';

const LENGTH_PENALTY = 40;
const OTHER_PENALTY = 30;

/** Over the platform's hard limits: the platform would refuse the post. Always an error. */
export function limitCheck(ctx: CheckContext): CheckOutcome {
  const name = PLATFORM_LIMITS[ctx.platform].displayName;
  const findings: Finding[] = [];
  const many = ctx.parts.length > 1;
  const overParts = ctx.counts
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) => c.count > c.limit || (c.bytes !== undefined && c.byteLimit !== undefined && c.bytes > c.byteLimit),
    );
  if (overParts.length > 0) {
    const first = overParts[0]!.c;
    const where = many ? `Part ${overParts.map((p) => p.i + 1).join(', ')} of this thread is` : 'This post is';
    const detail =
      first.count > first.limit
        ? `${first.count} of ${first.limit} characters`
        : `${first.bytes} of ${first.byteLimit} bytes`;
    findings.push({
      id: 'limit-length',
      check: 'limit',
      severity: 'error',
      message: `${where} over ${name}'s limit (${detail}); ${name} will refuse it.`,
      penalty: LENGTH_PENALTY,
      fix: { kind: 'auto', label: 'Trim to the limit' },
    });
  }
  const whole = ctx.counts[0];
  if (whole?.hashtags !== undefined && whole.hashtagLimit !== undefined && whole.hashtags > whole.hashtagLimit) {
    findings.push({
      id: 'limit-hashtags',
      check: 'limit',
      severity: 'error',
      message: `${whole.hashtags} hashtags: ${name} allows at most ${whole.hashtagLimit} and will refuse the post.`,
      penalty: OTHER_PENALTY,
      fix: { kind: 'auto', label: `Keep the first ${whole.hashtagLimit} hashtags` },
    });
  }
  if (whole?.mentions !== undefined && whole.mentionLimit !== undefined && whole.mentions > whole.mentionLimit) {
    findings.push({
      id: 'limit-mentions',
      check: 'limit',
      severity: 'error',
      message: `${whole.mentions} @mentions: ${name} allows at most ${whole.mentionLimit}.`,
      penalty: OTHER_PENALTY,
      fix: { kind: 'none', label: 'Remove some @mentions' },
    });
  }
  const linksOver = ctx.counts.find((c) => c.links !== undefined && c.linkLimit !== undefined && c.links > c.linkLimit);
  if (linksOver) {
    findings.push({
      id: 'limit-links',
      check: 'limit',
      severity: 'error',
      message: `${linksOver.links} different links in one post: ${name} allows at most ${linksOver.linkLimit}.`,
      penalty: OTHER_PENALTY,
      fix: { kind: 'none', label: 'Remove some links' },
    });
  }
  return { findings };
}
