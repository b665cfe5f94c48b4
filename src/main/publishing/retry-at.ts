import { ContractError } from '../../shared/contract/errors';

/** A retry time as a canonical instant, refused when it has already passed. */
export function notBefore(at: string, now: string): string {
  const when = new Date(at).toISOString();
  if (when < now) {
    throw new ContractError(
      'VALIDATION_FAILED',
      `That time (${when}) has already passed; pick a time from now on, or retry now`,
      { issues: [{ path: ['at'], message: 'Pick a time that is not in the past' }] },
    );
  }
  return when;
}

/** The history line for a retry: what happens next, and when if the creator chose a time. */
export function retryNote(status: 'queued' | 'outcome_unknown', when: string | null): string {
  if (status === 'queued') return when ? `Queued again by you for ${when}` : 'Queued again by you';
  return when
    ? `At ${when}: checking the platform, then sending if needed`
    : 'Checking the platform, then sending if needed';
}
