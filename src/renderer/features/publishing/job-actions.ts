import type { PublishJob } from '../../../shared/domain/publishing';
import { errorMessage } from '../../ui/errors';
import { showToast } from '../../ui/toasts.store';
import { actionLabel, type JobAction } from './job-text';
import { handToRelay, takeBackFromRelay } from '../relay/queries';
import { cancelJob, resolveMissed, retryJob } from './queries';

/**
 * Runs a job action (`at`: a retry's or a reschedule's chosen time); false when it failed (a toast
 * says why). The list reloads on the publishing:changed event that follows.
 */
export async function runJobAction(job: PublishJob, action: JobAction, at?: string): Promise<boolean> {
  try {
    if (action === 'retry') await retryJob(job.id, at);
    else if (action === 'cancel') await cancelJob(job.id);
    else if (action === 'hand-to-relay') await handToRelay(job.id);
    else if (action === 'take-back') await takeBackFromRelay(job.id);
    else await resolveMissed(job.id, action, action === 'reschedule' ? at : undefined);
    return true;
  } catch (error) {
    showToast({ kind: 'error', message: `${actionLabel(action, job.platform)} failed: ${errorMessage(error)}` });
    return false;
  }
}
