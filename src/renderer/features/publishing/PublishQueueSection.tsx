import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { getClient } from '../../client/client';
import { EmptyNote, SectionCard, SectionError } from '../../ui/SectionCard';
import { groupJobs } from './job-text';
import { JobStatusLine } from './JobStatusLine';
import { usePublishQueue } from './publish-queue.store';
import { profileTimeZone } from './queries';

/** The publishing queue: jobs grouped by what they need, a cross-post's platforms side by side. */
export function PublishQueueSection() {
  const jobs = usePublishQueue((s) => s.jobs);
  const loaded = usePublishQueue((s) => s.loaded);
  const error = usePublishQueue((s) => s.error);
  // Times are shown and picked in the creator's zone (this computer's until the profile answers).
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);

  useEffect(() => {
    const { load } = usePublishQueue.getState();
    void load();
    return getClient().on('publishing:changed', () => void load());
  }, []);

  useEffect(() => {
    let live = true;
    void profileTimeZone().then((zone) => {
      if (live && zone) setTimeZone(zone);
    });
    return () => {
      live = false;
    };
  }, []);

  const groups = groupJobs(jobs);
  return (
    <SectionCard title="Publishing queue" description="Posts on their way out, and the ones that need you.">
      {error ? (
        <SectionError message={error} onRetry={() => void usePublishQueue.getState().load()} />
      ) : groups.length === 0 ? (
        <EmptyNote>
          {loaded ? 'Nothing queued. Schedule a post or publish one now from Compose.' : 'Loading…'}
        </EmptyNote>
      ) : (
        <div className="space-y-5">
          {groups.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3 className="mb-1 text-sm font-semibold text-zinc-700 dark:text-zinc-300">{group.title}</h3>
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {postsOf(group.jobs).map(([postId, postJobs]) => (
                  <li key={postId} className="py-1">
                    <Link
                      to={`/compose/${postId}`}
                      className="text-xs text-zinc-500 underline underline-offset-2 dark:text-zinc-400"
                    >
                      Open post
                    </Link>
                    <ul>
                      {postJobs.map((job) => (
                        <JobStatusLine key={job.id} job={job} timeZone={timeZone} />
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </SectionCard>
  );
}

/** Jobs of one group by post, in the group's order. */
function postsOf<T extends { postId: string }>(jobs: T[]): [string, T[]][] {
  const byPost = new Map<string, T[]>();
  for (const job of jobs) byPost.set(job.postId, [...(byPost.get(job.postId) ?? []), job]);
  return [...byPost];
}
