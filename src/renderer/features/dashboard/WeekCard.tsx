import type { Profile } from '../../../shared/domain/profile';
import { Card } from '../../ui/Card';
import { formatCalendarDate, todayIn } from '../../ui/format';
import type { DashboardData } from './dashboard.store';
import { WEEK_DAYS, postDay } from './week';

const DAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** This week's scheduled and published posts against the planned cadence, day by day. */
export function WeekCard({ profile, week }: { profile: Profile; week: DashboardData['week'] }) {
  const { postsPerWeek, days: plannedDays } = profile.cadence;
  const count = week.posts.length;
  const ratio = Math.min(1, count / postsPerWeek);
  const today = todayIn(profile.timezone);
  const perDay = week.days.map((day) => week.posts.filter((post) => postDay(post, profile.timezone) === day).length);
  const published = week.posts.filter((post) => post.status === 'published').length;

  return (
    <Card title="This week">
      <div className="flex items-baseline justify-between">
        <p className="text-2xl font-semibold tracking-tight">
          {count}{' '}
          <span className="text-base font-normal text-zinc-500 dark:text-zinc-400">of {postsPerWeek} planned</span>
        </p>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {published} published · {count - published} scheduled
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Posts this week"
        aria-valuemin={0}
        aria-valuemax={postsPerWeek}
        aria-valuenow={Math.min(count, postsPerWeek)}
        className="mt-3 h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-indigo-500" style={{ width: `${ratio * 100}%` }} />
      </div>
      <ol className="mt-4 grid grid-cols-7 gap-1.5 text-center text-xs">
        {WEEK_DAYS.map((day, i) => {
          const planned = plannedDays.includes(day);
          const posts = perDay[i] ?? 0;
          const isToday = week.days[i] === today;
          const label = `${formatCalendarDate(week.days[i] ?? '')}: ${posts} post${posts === 1 ? '' : 's'}${planned ? ', a planned posting day' : ''}`;
          return (
            <li
              key={day}
              aria-label={label}
              className={`rounded-md border px-1 py-2 ${isToday ? 'border-indigo-400 dark:border-indigo-500' : 'border-zinc-200 dark:border-zinc-800'} ${planned ? 'bg-zinc-50 dark:bg-zinc-800/50' : ''}`}
            >
              <span
                className={`block font-medium ${planned ? 'text-zinc-800 dark:text-zinc-200' : 'text-zinc-400 dark:text-zinc-500'}`}
              >
                {DAY_SHORT[i]}
              </span>
              <span
                aria-hidden="true"
                className={`mx-auto mt-1.5 flex size-5 items-center justify-center rounded-full text-[0.65rem] font-semibold ${
                  posts > 0
                    ? 'bg-indigo-500 text-white'
                    : planned
                      ? 'border border-dashed border-zinc-300 dark:border-zinc-600'
                      : ''
                }`}
              >
                {posts > 0 ? posts : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">Dashed circles are your planned posting days.</p>
    </Card>
  );
}
