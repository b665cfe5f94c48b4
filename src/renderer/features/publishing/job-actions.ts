import type { PublishJob } from '../../../shared/domain/publishing';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { actionLabel, type JobAction } from './job-text';
import { cancelJob, resolveMissed, retryJob } from './queries';

/** Runs a job action; the list reloads on the publishing:changed event that follows. */
export async function runJobAction(job: PublishJob, action: JobAction): Promise<void> {
  try {
    if (action === 'retry') await retryJob(job.id);
    else if (action === 'cancel') await cancelJob(job.id);
    else await resolveMissed(job.id, action);
  } catch (error) {
    showToast({ kind: 'error', message: `${actionLabel(action, job.platform)} failed: ${errorMessage(error)}` });
  }
}
