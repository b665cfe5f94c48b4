import type { Progress } from '../../../shared/contract/events';
import type { BulkJob, BulkJobDetail, BulkPlanInput } from '../../../shared/domain/bulk';
import type { Platform } from '../../../shared/domain/platform';
import type { Profile } from '../../../shared/domain/profile';
import { getClient } from '../../client/client';

/** The creator's profile (prefills the request), or null before onboarding. */
export function fetchProfile(): Promise<Profile | null> {
  return getClient().invoke('profile:get-profile', {});
}

export function planJob(input: BulkPlanInput): Promise<BulkJobDetail> {
  return getClient().invoke('bulk:plan', input);
}

export interface ItemPatch {
  topic?: string;
  format?: BulkJobDetail['items'][number]['format'];
  platform?: Platform;
  dueAt?: string;
}

export function updateItem(itemId: number, patch: ItemPatch): Promise<BulkJobDetail> {
  return getClient().invoke('bulk:update-item', { itemId, ...patch });
}

export function removeItem(itemId: number): Promise<BulkJobDetail> {
  return getClient().invoke('bulk:update-item', { itemId, remove: true });
}

export type JobAction = 'bulk:start' | 'bulk:pause' | 'bulk:resume' | 'bulk:cancel' | 'bulk:retry-failed';

export function runJobAction(action: JobAction, jobId: string): Promise<BulkJob> {
  return getClient().invoke(action, { jobId });
}

export function fetchJob(jobId: string): Promise<BulkJobDetail> {
  return getClient().invoke('bulk:get-job', { jobId });
}

export function fetchJobs(): Promise<BulkJob[]> {
  return getClient().invoke('bulk:list-jobs', {});
}

/** Progress of every job (filtered by id in the store) and "a job or its items changed". */
export function onBulkEvents(onProgress: (progress: Progress) => void, onChanged: (jobId: string) => void) {
  const offProgress = getClient().on('job:progress', onProgress);
  const offChanged = getClient().on('bulk:changed', ({ jobId }) => onChanged(jobId));
  return () => {
    offProgress();
    offChanged();
  };
}
