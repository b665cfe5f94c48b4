import type { VoiceAction, VoiceCommand, VoiceIntent, VoicePage } from '../../../shared/domain/voice';
import { formatDateTime } from '../../ui/format';
import { PLATFORM_LABELS } from '../../ui/platforms';

/** Page names as the navigation shows them. */
export const VOICE_PAGE_LABELS: Record<VoicePage, string> = {
  dashboard: 'Dashboard',
  compose: 'Compose',
  studio: 'Studio',
  library: 'Library',
  calendar: 'Calendar',
  bulk: 'Bulk',
  templates: 'Templates',
  'brand-voice': 'Brand voice',
  analytics: 'Analytics',
  coach: 'Coach',
  accounts: 'Accounts',
  ai: 'AI',
  settings: 'Settings',
  diagnostics: 'Diagnostics',
  talk: 'Talk',
};

/** Short names for the action chooser (correction and custom commands). */
export const ACTION_LABELS: Record<VoiceAction, string> = {
  'draft.create': 'Write a new post',
  'draft.shorten': 'Make the post shorter',
  'draft.read-back': 'Read the post back',
  'post.schedule': 'Schedule the post',
  'post.publish-now': 'Publish the post now',
  'post.delete': 'Delete the post',
  'analytics.last-post': 'How the last post did',
  'coach.goal-status': 'Progress on my goal',
  'app.navigate': 'Open a page',
  'voice.help': 'What can I say?',
  'voice.answer': 'Answer yes or no',
};

/** One intent in plain words: "Write a LinkedIn post about morning routines". */
export function describeIntent(intent: VoiceIntent, timeZone?: string): string {
  switch (intent.action) {
    case 'draft.create':
      return intent.platform
        ? `Write a ${PLATFORM_LABELS[intent.platform]} post about ${intent.topic}`
        : `Write a post about ${intent.topic}`;
    case 'post.schedule':
      return `Schedule the post for ${formatDateTime(intent.at, timeZone)}${intent.spoken ? ` (“${intent.spoken}”)` : ''}`;
    case 'app.navigate':
      return `Open ${VOICE_PAGE_LABELS[intent.page]}`;
    case 'voice.answer':
      return intent.answer === 'yes' ? 'Answer yes' : 'Answer no';
    default:
      return ACTION_LABELS[intent.action];
  }
}

/** What a command was understood as, or that it was not. */
export function describeIntents(intents: readonly VoiceIntent[], timeZone?: string): string {
  if (intents.length === 0) return 'Not understood';
  return intents.map((intent) => describeIntent(intent, timeZone)).join(', then ');
}

const STATUS_LABELS: Record<VoiceCommand['status'], string> = {
  done: 'Done',
  'awaiting-confirmation': 'Waiting for your yes or no',
  cancelled: 'Cancelled',
  'not-understood': 'Not understood',
  failed: 'Failed',
};

export function statusLabel(status: VoiceCommand['status']): string {
  return STATUS_LABELS[status];
}

/** "transcribe 420 ms · understand 3 ms · act 80 ms", leaving out stages that did not run. */
export function describeTimings(timings: VoiceCommand['timings']): string {
  const parts: string[] = [];
  if (timings.transcribeMs !== null) parts.push(`transcribe ${Math.round(timings.transcribeMs)} ms`);
  if (timings.understandMs !== null) parts.push(`understand ${Math.round(timings.understandMs)} ms`);
  if (timings.actMs !== null) parts.push(`act ${Math.round(timings.actMs)} ms`);
  return parts.join(' · ');
}
