import type { SuccessFactorEvidence } from '../../../shared/domain/analytics';
import { Spinner } from '../../ui/Spinner';
import { useAnalytics } from './analytics.store';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { formatRate, plural } from './analytics-format';
import { factorAxis, factorBar, formatEffect, sortFactors } from './factor-scale';

function FactorRow({ factor, limit }: { factor: SuccessFactorEvidence; limit: number }) {
  const bar = factorBar(factor, limit);
  const interval = `${formatEffect(factor.low)} to ${formatEffect(factor.high)}`;
  return (
    <li className="grid gap-x-4 gap-y-1 py-3 text-sm first:pt-0 last:pb-0 md:grid-cols-[minmax(10rem,14rem)_minmax(0,1fr)_5rem]">
      <div>
        <p className="font-medium text-zinc-900 dark:text-zinc-100">{factor.label}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {plural(factor.support, 'post')} · mean {formatRate(factor.meanWith)} with, {formatRate(factor.meanWithout)}{' '}
          without
        </p>
      </div>
      <div className="relative h-6 self-center" aria-hidden="true">
        <span className="absolute top-1/2 right-0 left-0 h-px bg-zinc-200 dark:bg-zinc-700" />
        <span className="absolute top-0 bottom-0 w-px bg-zinc-400 dark:bg-zinc-500" style={{ left: `${bar.zero}%` }} />
        <span
          className={`absolute top-1/2 h-2 -translate-y-1/2 rounded-full ${
            factor.confident
              ? factor.effectPercent >= 0
                ? 'bg-emerald-400/70 dark:bg-emerald-500/60'
                : 'bg-red-400/70 dark:bg-red-500/60'
              : 'bg-zinc-300 dark:bg-zinc-600'
          }`}
          style={{ left: `${bar.low}%`, width: `${Math.max(bar.high - bar.low, 0.5)}%` }}
        />
        <span
          className="absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-zinc-900 dark:border-zinc-900 dark:bg-zinc-100"
          style={{ left: `${bar.effect}%` }}
        />
      </div>
      <p className="text-right font-semibold tabular-nums md:self-center">
        {formatEffect(factor.effectPercent)}
        <span className="sr-only">
          , 90 % interval {interval}
          {factor.confident ? '' : ', not clear yet'}
        </span>
      </p>
      {!factor.confident && (
        <p className="text-xs text-zinc-500 md:col-span-3 dark:text-zinc-400">
          Not clear yet: the interval ({interval}) includes no effect.
        </p>
      )}
    </li>
  );
}

/** Which features of a post go with better engagement, with the evidence: effect, interval, support, means. */
export function SuccessFactorsSection() {
  const { factors, load } = useAnalytics();
  const result = factors.data;
  return (
    <SectionCard
      title="Success factors"
      description="Which features of your posts go with higher engagement rates, estimated from your own posts with a regularised regression. Each bar is a 90 % interval: when it crosses zero, the effect is not clear yet."
    >
      {factors.status === 'error' && (
        <SectionError message={`Could not work out success factors: ${factors.error}`} onRetry={() => void load()} />
      )}
      {!result && factors.status === 'loading' && <Spinner label="Weighing the evidence…" />}
      {result?.kind === 'insufficient' && (
        <EmptyNote>
          Not enough data yet. {result.insufficient} ({plural(result.postsUsed, 'post')} with an engagement rate in this
          range.)
        </EmptyNote>
      )}
      {result?.kind === 'model' && (
        <div className="space-y-4">
          {result.sentences.length > 0 && (
            <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-800 dark:text-zinc-200">
              {result.sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          <ul
            aria-label="Success factors with their evidence"
            className="divide-y divide-zinc-100 dark:divide-zinc-800"
          >
            {sortFactors(result.factors).map((f) => (
              <FactorRow key={f.feature} factor={f} limit={factorAxis(result.factors)} />
            ))}
          </ul>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Based on {plural(result.postsUsed, 'post')}. The model explains {Math.round(result.r2 * 100)} % of the
            variation in engagement rate ({Math.round(result.looR2 * 100)} % on posts it did not see).
            {result.skipped.length > 0 && ` Not compared, every post was alike: ${result.skipped.join(', ')}.`}
          </p>
        </div>
      )}
    </SectionCard>
  );
}
