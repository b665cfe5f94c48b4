import { useEffect } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '../../ui/Button';
import { ALL_PLATFORMS } from '../../ui/platforms';
import { Spinner } from '../../ui/Spinner';
import { AbPairsSection } from './AbPairsSection';
import { useAbPairs } from './ab-pairs.store';
import { useAnalytics } from './analytics.store';
import { EmptyNote, SectionError } from '../../ui/SectionCard';
import { AnomaliesSection } from './AnomaliesSection';
import { BestTimesSection } from './BestTimesSection';
import { useBestTimes } from './best-times.store';
import { FiltersBar } from './FiltersBar';
import { GroupBars } from './GroupBars';
import { GrowthSection } from './GrowthSection';
import { PlatformEngagement } from './PlatformEngagement';
import { PostRanking } from './PostRanking';
import { onAnalyticsChanged, onAnomaliesFound } from './queries';
import { RevenueCard } from './RevenueCard';
import { SuccessFactorsSection } from './SuccessFactorsSection';
import { TotalsCards } from './TotalsCards';
import { WeekdayHourHeatmap } from './WeekdayHourHeatmap';

function reloadAll(): void {
  void useAnalytics.getState().load();
  void useAbPairs.getState().load();
  void useBestTimes.getState().reload();
}

/** /analytics: the creator's numbers for the chosen range and platforms. */
export function DashboardView() {
  const { overview, profile, seenPlatforms, filters, load } = useAnalytics();

  useEffect(() => {
    void load();
    const offChanged = onAnalyticsChanged(reloadAll);
    const offAnomalies = onAnomaliesFound(() => void load());
    return () => {
      offChanged();
      offAnomalies();
    };
  }, [load]);

  const data = overview.data;
  const platforms = ALL_PLATFORMS.filter((p) => (profile?.platforms ?? []).includes(p) || seenPlatforms.includes(p));
  // Nothing at all to show for these filters: point to the import instead of a page of empty charts.
  const noHistory = data !== null && data.totals.postsPublished === 0 && data.growth.total.length === 0;

  return (
    <div>
      <FiltersBar />
      {overview.status === 'error' && (
        <SectionError message={`Could not load the dashboard: ${overview.error}`} onRetry={() => void load()} />
      )}
      {!data && overview.status !== 'error' && <Spinner label="Adding up your numbers…" />}
      {data && noHistory && (
        <EmptyNote>
          <p className="font-medium text-zinc-700 dark:text-zinc-200">
            {filters.platforms.length > 0
              ? 'No published posts on these platforms in this range.'
              : 'No published posts yet — import your history or connect an account.'}
          </p>
          {filters.preset !== '1y' && <p className="mt-1">Already imported? Try a longer date range.</p>}
          <Link to="/analytics/import" className={buttonClass('primary', 'sm', 'mt-3')}>
            Import history
          </Link>
        </EmptyNote>
      )}
      {data && noHistory && (
        <div className="mt-6">
          <BestTimesSection platforms={platforms} />
        </div>
      )}
      {data && !noHistory && (
        <div className={`space-y-6 ${overview.status === 'loading' ? 'opacity-70' : ''}`}>
          <TotalsCards totals={data.totals} />
          <GrowthSection growth={data.growth} />
          <div className="grid gap-6 lg:grid-cols-2">
            <PlatformEngagement rows={data.byPlatform} />
            <GroupBars
              title="By format"
              description="Mean engagement rate of the posts of each format."
              groups={data.byFormat}
              empty="No formats recorded for the posts in this range."
            />
          </div>
          <WeekdayHourHeatmap cells={data.byWeekdayHour} timezone={data.range.timezone} />
          <GroupBars
            title="By hashtag"
            description="Hashtags used on at least two posts, by the mean engagement rate of those posts."
            groups={data.byHashtag}
            empty="No hashtag was used on two or more posts in this range."
            keyLabel={(key) => `#${key}`}
          />
          <PostRanking
            top={data.topPosts}
            bottom={data.bottomPosts}
            minExposure={data.minExposure}
            timezone={data.range.timezone}
          />
          {data.revenue && <RevenueCard revenue={data.revenue} />}
          <AnomaliesSection />
          <SuccessFactorsSection />
          <BestTimesSection platforms={platforms} />
          <AbPairsSection platforms={platforms} />
        </div>
      )}
    </div>
  );
}
