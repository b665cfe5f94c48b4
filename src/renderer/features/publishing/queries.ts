import type { PostMetrics } from '../../../shared/domain/analytics';
import type { PublishJob } from '../../../shared/domain/publishing';
import { getClient } from '../../client/client';

export async function listJobs(postId?: string): Promise<PublishJob[]> {
  const { jobs } = await getClient().invoke('publishing:list-jobs', postId ? { postId } : {});
  return jobs;
}

export async function publishNow(postId: string): Promise<PublishJob[]> {
  const { jobs } = await getClient().invoke('publishing:publish-now', { postId });
  return jobs;
}

export function retryJob(jobId: string): Promise<PublishJob> {
  return getClient().invoke('publishing:retry-job', { jobId });
}

export function cancelJob(jobId: string): Promise<PublishJob> {
  return getClient().invoke('publishing:cancel-job', { jobId });
}

/** Settles a missed slot; `at` (reschedule only) is the new time, else the platform's next free slot. */
export function resolveMissed(jobId: string, action: 'post-now' | 'reschedule', at?: string): Promise<PublishJob> {
  return getClient().invoke('publishing:resolve-missed', at === undefined ? { jobId, action } : { jobId, action, at });
}

export function getPostMetrics(postId: string): Promise<PostMetrics> {
  return getClient().invoke('analytics:get-post-metrics', { postId });
}

/** Pulls this post's metrics now (rate limits still apply); says which accounts must wait. */
export function refreshPostMetrics(postId: string) {
  return getClient().invoke('publishing:refresh-metrics', { postId });
}
