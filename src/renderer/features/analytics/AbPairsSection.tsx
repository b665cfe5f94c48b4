import { useEffect } from 'react';
import { Link } from 'react-router';
import type { AbPair } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { Button } from '../../ui/Button';
import { formatNumber } from '../../ui/format';
import { PlatformBadge } from '../../ui/PlatformBadge';
import { Spinner } from '../../ui/Spinner';
import { AbPairForm } from './AbPairForm';
import { useAbPairs } from './ab-pairs.store';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { formatRate } from './analytics-format';

const VERDICT_CLASS: Record<AbPair['comparison']['verdict'], string> = {
  significant:
    'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/30 dark:text-emerald-100',
  not_significant:
    'border-zinc-200 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/50 dark:text-zinc-200',
  not_enough_data:
    'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100',
};

function Side({
  name,
  post,
  rate,
  engagements,
  exposure,
  kind,
  winner,
}: {
  name: 'A' | 'B';
  post: { id: string; title: string };
  rate: number;
  engagements: number;
  exposure: number;
  kind: string;
  winner: boolean;
}) {
  return (
    <div
      className={`rounded-lg border p-3 text-sm ${winner ? 'border-emerald-400 dark:border-emerald-600' : 'border-zinc-200 dark:border-zinc-700'}`}
    >
      <p className="text-xs font-semibold text-zinc-500 dark:text-zinc-400">
        {name}
        {winner && <span className="ml-1 text-emerald-700 dark:text-emerald-300">· did better</span>}
      </p>
      <Link
        to={`/compose/${post.id}`}
        className="mt-0.5 block truncate font-medium text-indigo-600 hover:underline dark:text-indigo-400"
      >
        {post.title || 'Untitled post'}
      </Link>
      <p className="mt-1 tabular-nums text-zinc-600 dark:text-zinc-400">
        {formatRate(rate)} · {formatNumber(engagements)} engagements ÷ {formatNumber(exposure)} {kind}
      </p>
    </div>
  );
}

/** Pairs of posts compared with a significance test, each with its verdict in plain words. */
export function AbPairsSection({ platforms }: { platforms: readonly Platform[] }) {
  const { pairs, load, remove } = useAbPairs();
  useEffect(() => {
    void load();
  }, [load]);
  const list = pairs.data ?? [];
  return (
    <SectionCard
      title="A/B pairs"
      description="Two posts on one platform that differ in one thing. Cadence tests whether the difference in engagement is more than chance."
    >
      {pairs.status === 'error' && (
        <SectionError message={`Could not load A/B pairs: ${pairs.error}`} onRetry={() => void load()} />
      )}
      {!pairs.data && pairs.status === 'loading' && <Spinner label="Loading A/B pairs…" />}
      {pairs.data && list.length === 0 && (
        <EmptyNote>No A/B pairs yet. Pick two published posts below to compare them.</EmptyNote>
      )}
      {list.length > 0 && (
        <ul className="space-y-4">
          {list.map((pair) => {
            const c = pair.comparison;
            const name = pair.label || `${pair.postA.title || 'A'} vs ${pair.postB.title || 'B'}`;
            return (
              <li key={pair.id} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="flex items-center gap-2 text-sm font-semibold">
                    <PlatformBadge platform={pair.platform} />
                    {name}
                  </p>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete A/B pair ${name}`}
                    onClick={() => void remove(pair)}
                  >
                    Delete
                  </Button>
                </div>
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <Side
                    name="A"
                    post={pair.postA}
                    rate={c.rateA}
                    engagements={c.engagementsA}
                    exposure={c.exposureA}
                    kind={c.exposureKind}
                    winner={c.verdict === 'significant' && c.winner === 'a'}
                  />
                  <Side
                    name="B"
                    post={pair.postB}
                    rate={c.rateB}
                    engagements={c.engagementsB}
                    exposure={c.exposureB}
                    kind={c.exposureKind}
                    winner={c.verdict === 'significant' && c.winner === 'b'}
                  />
                </div>
                <p role="note" className={`mt-3 rounded-md border px-3 py-2 text-sm ${VERDICT_CLASS[c.verdict]}`}>
                  {c.message}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <AbPairForm platforms={platforms} />
    </SectionCard>
  );
}
