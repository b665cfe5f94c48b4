import { Link } from 'react-router';
import type { RevenueSummary } from '../../../shared/domain/analytics';
import { SectionCard } from '../../ui/SectionCard';
import { formatChange, formatMoney } from './analytics-format';

/** Revenue, cost and ROI per currency, and the posts that brought in the most (shown only when there is revenue). */
export function RevenueCard({ revenue }: { revenue: RevenueSummary }) {
  return (
    <SectionCard title="Revenue and ROI" description="From the affiliate and campaign entries in this range.">
      <dl className="grid gap-3 sm:grid-cols-3">
        {revenue.byCurrency.map((row) => (
          <div key={row.currency} className="rounded-lg bg-zinc-50 p-3 text-sm dark:bg-zinc-800/50">
            <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Revenue ({row.currency})</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums">{formatMoney(row.revenue, row.currency)}</dd>
            <dd className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
              Cost {formatMoney(row.cost, row.currency)} · ROI{' '}
              {row.roi === null ? '— (nothing spent)' : formatChange(row.roi)}
            </dd>
          </div>
        ))}
      </dl>
      {revenue.topPosts.length > 0 && (
        <>
          <h3 className="mt-5 mb-2 text-sm font-semibold">Posts that earned the most</h3>
          <ul className="space-y-1 text-sm">
            {revenue.topPosts.map((post) => (
              <li key={`${post.postId}-${post.currency}`} className="flex justify-between gap-3">
                <Link
                  to={`/compose/${post.postId}`}
                  className="truncate text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {post.title || 'Untitled post'}
                </Link>
                <span className="shrink-0 tabular-nums">{formatMoney(post.revenue, post.currency)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionCard>
  );
}
