import type { CloudPlan } from '../../../shared/domain/sync';
import { Button } from '../../ui/Button';
import { SectionCard } from '../../ui/SectionCard';
import { useSync } from './sync.store';
import { usageLine } from './sync-text';

const TIER_LABELS: Record<CloudPlan['tier'], string> = { free: 'Free', creator: 'Creator', pro: 'Pro' };

/** The plan, its limits and this month's usage; the email-verification reminder lives here. */
export function PlanSection({ plan }: { plan: CloudPlan | null }) {
  const busy = useSync((s) => s.busy);
  if (!plan) {
    return (
      <SectionCard title="Plan and usage">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading your plan…</p>
      </SectionCard>
    );
  }
  const { entitlements, usage } = plan;
  return (
    <SectionCard title="Plan and usage" description={`${TIER_LABELS[plan.tier]} plan · ${plan.email}`}>
      <div className="space-y-3 text-sm">
        {!plan.emailVerified && (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 p-3 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
          >
            <span>
              Confirm your email to use the cloud model and the publish relay; sync already works. Open the link we sent
              to {plan.email}.
            </span>
            <Button
              size="sm"
              variant="secondary"
              disabled={busy !== null}
              onClick={() => void useSync.getState().resendVerification()}
            >
              {busy === 'resend' ? 'Sending…' : 'Send the link again'}
            </Button>
          </div>
        )}
        <ul className="space-y-1">
          <li>Up to {entitlements.devices.toLocaleString()} devices</li>
          <li>{usageLine(usage.aiTokens, entitlements.aiTokensPerMonth, 'cloud AI tokens')}</li>
          <li>{usageLine(usage.relayPosts, entitlements.relayPostsPerMonth, 'relayed posts')}</li>
        </ul>
      </div>
    </SectionCard>
  );
}
