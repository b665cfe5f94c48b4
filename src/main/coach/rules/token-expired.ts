import type { RuleContext, Situation } from './rule-types';

const BROKEN: Record<string, string> = {
  needs_reconnect: 'its sign-in expired',
  missing_scope: 'it is missing a permission Cadence needs',
};

/** A connected account whose token expired or lacks a scope: one situation per account. */
export function tokenExpired(ctx: RuleContext): Situation[] {
  return ctx.accounts.flatMap((a): Situation[] => {
    const why = a.tokenStatus ? BROKEN[a.tokenStatus] : undefined;
    if (!why) return [];
    return [
      {
        rule: 'token-expired',
        situation: `token-expired:${a.id}`,
        title: `Reconnect ${a.platform} (@${a.handle})`,
        message: `Cadence cannot publish to or read metrics from @${a.handle} on ${a.platform}: ${why}. Reconnect it to keep scheduled posts going out.`,
        action: { kind: 'reconnect', accountId: a.id },
      },
    ];
  });
}
