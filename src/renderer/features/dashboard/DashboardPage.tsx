import { useEffect } from 'react';
import { Link } from 'react-router';
import { getClient } from '../../client/client';
import { Button, buttonClass } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Icon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { useDashboard } from './dashboard.store';
import { GoalCard } from './GoalCard';
import { PostList } from './PostList';
import { WeekCard } from './WeekCard';
import { greetingFor } from './week';

/** Home: the goal, this week against the plan, what goes out next and what is in progress. */
export default function DashboardPage() {
  const { status, data, error, load } = useDashboard();

  useEffect(() => {
    void load();
    const client = getClient();
    const offPosts = client.on('posts:changed', () => void load());
    const offProfile = client.on('profile:changed', () => void load());
    return () => {
      offPosts();
      offProfile();
    };
  }, [load]);

  if (status === 'loading' && !data) return <Spinner label="Loading your dashboard…" />;
  if (!data) {
    return (
      <div role="alert" className="space-y-3">
        <p className="text-sm text-red-700 dark:text-red-400">Could not load the dashboard: {error}</p>
        <Button onClick={() => void load()}>Try again</Button>
      </div>
    );
  }

  const { profile } = data;
  return (
    <div>
      <PageHeader
        title={`${greetingFor(new Date(), profile.timezone)}, ${profile.name}`}
        description={`Your niche: ${profile.niche}`}
        actions={
          <>
            <Link to="/compose" className={buttonClass('primary')}>
              <Icon name="plus" className="size-4" />
              New post
            </Link>
            <Link to="/calendar" className={buttonClass('secondary')}>
              Open calendar
            </Link>
            <Link to="/library" className={buttonClass('secondary')}>
              Browse library
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <GoalCard profile={profile} />
        <WeekCard profile={profile} week={data.week} />
        <Card
          title="Up next"
          actions={
            data.upcomingTotal > data.upcoming.length ? (
              <Link to="/calendar" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                All {data.upcomingTotal} scheduled
              </Link>
            ) : undefined
          }
        >
          <PostList
            posts={data.upcoming}
            when="scheduled"
            timeZone={profile.timezone}
            empty="Nothing is scheduled yet. Schedule a post from Compose or the calendar."
          />
        </Card>
        <Card
          title="In progress"
          actions={
            data.inProgressTotal > 0 ? (
              <Link to="/library" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {data.inProgressTotal} in the library
              </Link>
            ) : undefined
          }
        >
          <PostList
            posts={data.inProgress}
            when="updated"
            timeZone={profile.timezone}
            empty="No ideas or drafts yet. Start one with New post."
          />
        </Card>
      </div>
    </div>
  );
}
