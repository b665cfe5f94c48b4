import type { RelayStatus } from '../../../shared/contract/relay';
import { PLATFORM_LABELS } from '../../../shared/domain/platform';
import type { PublishJob, PublishJobStatus } from '../../../shared/domain/publishing';

/** What the creator can do with a job from the status line. */
export type JobAction = 'retry' | 'cancel' | 'post-now' | 'reschedule' | 'hand-to-relay' | 'take-back';

/** What the status line needs to know about the publish relay (`relay:status`). */
export type RelayReach = Pick<RelayStatus, 'signedIn' | 'accountIds' | 'platforms'>;

/**
 * Whether a queued job can be handed to the relay by hand: signed in to sync, never tried, and
 * its account opted in (a job that does not name its account yet goes by its platform).
 */
export function canHandToRelay(job: PublishJob, relay: RelayReach | null | undefined): boolean {
  if (!relay?.signedIn || job.status !== 'queued' || job.attempts > 0) return false;
  return job.accountId ? relay.accountIds.includes(job.accountId) : relay.platforms.includes(job.platform);
}

export interface JobLine {
  /** The sentence: "Queued for Tue 9:00", "Failed: … ". */
  text: string;
  tone: 'neutral' | 'busy' | 'good' | 'bad' | 'warn';
  /** The post's address on the platform, once published. */
  link: { href: string; label: string } | null;
  actions: JobAction[];
}

/** "Tue 9:00" in the creator's time zone (weekday and time are enough within the queue's horizon). */
export function shortWhen(iso: string, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/**
 * The status line for one platform's job (the Publishing panel and the queue use the same words).
 * `relay`: the relay status, for the hand-over action (omitted: no relay actions for queued jobs).
 */
export function jobLine(
  job: PublishJob,
  timeZone?: string,
  locale?: string,
  relay?: RelayReach | null,
  now: Date = new Date(),
): JobLine {
  const platform = PLATFORM_LABELS[job.platform];
  const line = (text: string, tone: JobLine['tone'], actions: JobAction[] = []): JobLine => ({
    text,
    tone,
    link: null,
    actions,
  });
  switch (job.status) {
    case 'queued':
      return line(
        `Queued for ${shortWhen(job.nextAttemptAt ?? job.dueAt, timeZone, locale)}`,
        'neutral',
        canHandToRelay(job, relay) ? ['hand-to-relay', 'cancel'] : ['cancel'],
      );
    case 'leased':
    case 'sending':
      return line('Sending…', 'busy');
    case 'pending_remote':
      return line(`Sent — waiting for ${platform} to finish processing it…`, 'busy');
    case 'outcome_unknown':
      // A retry the creator put at a later time (a retry starts again from 0 attempts).
      if (job.attempts === 0 && job.nextAttemptAt && Date.parse(job.nextAttemptAt) > now.getTime()) {
        return line(
          `Retry at ${shortWhen(job.nextAttemptAt, timeZone, locale)}: Cadence checks ${platform} first, so it never posts twice`,
          'neutral',
        );
      }
      return line('Checking whether it went out…', 'busy');
    case 'published':
      return {
        text: 'Published',
        tone: 'good',
        link: job.url ? { href: job.url, label: `View post on ${platform}` } : null,
        actions: [],
      };
    case 'failed':
      return line(`Failed: ${job.lastError ?? 'the platform refused the post'}`, 'bad', ['retry', 'cancel']);
    case 'missed':
      return line('Missed while Cadence was closed', 'warn', ['post-now', 'reschedule', 'cancel']);
    case 'cancelled':
      return line('Cancelled', 'neutral', ['retry']);
    case 'relayed':
      // The sync service's relay publishes it; its result comes back here when it has run.
      return line(
        `With the publish relay for ${shortWhen(job.nextAttemptAt ?? job.dueAt, timeZone, locale)} — goes out even if this device sleeps`,
        'neutral',
        // Back to this device's queue, as long as the relay has not started it (main says so if it has).
        ['take-back'],
      );
  }
}

/** The queue groups jobs in this order: what needs the creator first. */
export const QUEUE_GROUPS: readonly { title: string; statuses: readonly PublishJobStatus[] }[] = [
  { title: 'Needs you', statuses: ['missed', 'failed'] },
  { title: 'In progress', statuses: ['leased', 'sending', 'outcome_unknown', 'pending_remote'] },
  { title: 'Queued', statuses: ['queued', 'relayed'] },
  { title: 'Published', statuses: ['published'] },
  { title: 'Cancelled', statuses: ['cancelled'] },
];

/** Jobs grouped for the queue, each group's jobs by post so a cross-post's platforms sit together. */
export function groupJobs(jobs: readonly PublishJob[]): { title: string; jobs: PublishJob[] }[] {
  return QUEUE_GROUPS.map((group) => ({
    title: group.title,
    jobs: jobs
      .filter((job) => group.statuses.includes(job.status))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.postId.localeCompare(b.postId)),
  })).filter((group) => group.jobs.length > 0);
}

/** Button labels for job actions (with the platform so each is unique on a page). */
export function actionLabel(action: JobAction, platform: PublishJob['platform']): string {
  const name = PLATFORM_LABELS[platform];
  switch (action) {
    case 'retry':
      return `Retry ${name}`;
    case 'cancel':
      return `Cancel ${name}`;
    case 'post-now':
      return `Post now on ${name}`;
    case 'reschedule':
      return `Reschedule ${name}`;
    case 'hand-to-relay':
      return `Hand ${name} to the relay`;
    case 'take-back':
      return `Take ${name} back from the relay`;
  }
}

/** The refusal's findings from a VALIDATION_FAILED publish-now, one line each. */
export function refusalFindings(details: unknown): string[] {
  const findings = (details as { findings?: unknown } | null | undefined)?.findings;
  if (!Array.isArray(findings)) return [];
  return findings.flatMap((f: unknown) => {
    const item = f as { platform?: unknown; message?: unknown };
    if (typeof item.message !== 'string') return [];
    const platform = typeof item.platform === 'string' && item.platform in PLATFORM_LABELS ? item.platform : null;
    return [platform ? `${PLATFORM_LABELS[platform as PublishJob['platform']]}: ${item.message}` : item.message];
  });
}
