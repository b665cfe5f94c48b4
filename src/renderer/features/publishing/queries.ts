import type { PostMetrics } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import type { PublishJob } from '../../../shared/domain/publishing';
import { getClient } from '../../client/client';
import type { NextSlot } from './when-choices';

export async function listJobs(postId?: string): Promise<PublishJob[]> {
  const { jobs } = await getClient().invoke('publishing:list-jobs', postId ? { postId } : {});
  return jobs;
}

export async function publishNow(postId: string): Promise<PublishJob[]> {
  const { jobs } = await getClient().invoke('publishing:publish-now', { postId });
  return jobs;
}

/** Queues a failed or cancelled job again, now or at `at` (main refuses a time in the past). */
export function retryJob(jobId: string, at?: string): Promise<PublishJob> {
  return getClient().invoke('publishing:retry-job', at === undefined ? { jobId } : { jobId, at });
}

/** The platform's next free posting slot, for the time picker; null when planning has none. */
export async function nextSlot(platform: Platform): Promise<NextSlot | null> {
  try {
    const slot = await getClient().invoke('planning:next-free-slot', { platform });
    return { at: slot.at, label: slot.label };
  } catch {
    // A quick choice only: the picker works without it.
    return null;
  }
}

/** The creator's time zone from their profile (null before onboarding or when it cannot be read). */
export async function profileTimeZone(): Promise<string | null> {
  try {
    return (await getClient().invoke('profile:get-profile', {}))?.timezone ?? null;
  } catch {
    return null;
  }
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
