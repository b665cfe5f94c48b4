import type { Platform } from '../../../shared/domain/platform';
import type { VoiceAction, VoiceIntent, VoicePage } from '../../../shared/domain/voice';

/** One step being edited: the action and every field any action may need, as typed. */
export interface IntentDraft {
  action: VoiceAction;
  topic: string;
  platform: Platform | '';
  /** A datetime-local value, "2026-03-01T09:00", in the creator's local time. */
  at: string;
  page: VoicePage;
  answer: 'yes' | 'no';
}

export const EMPTY_DRAFT: IntentDraft = {
  action: 'draft.create',
  topic: '',
  platform: '',
  at: '',
  page: 'dashboard',
  answer: 'yes',
};

/** The draft an existing intent edits (to start a correction from what was understood). */
export function draftOf(intent: VoiceIntent | undefined): IntentDraft {
  if (!intent) return { ...EMPTY_DRAFT };
  const draft: IntentDraft = { ...EMPTY_DRAFT, action: intent.action };
  if (intent.action === 'draft.create') return { ...draft, topic: intent.topic, platform: intent.platform ?? '' };
  if (intent.action === 'post.schedule') return { ...draft, at: toLocalInput(new Date(intent.at)) };
  if (intent.action === 'app.navigate') return { ...draft, page: intent.page };
  if (intent.action === 'voice.answer') return { ...draft, answer: intent.answer };
  return draft;
}

/** The intent a draft describes, or what is missing in plain words. */
export function buildIntent(draft: IntentDraft): { intent: VoiceIntent } | { error: string } {
  switch (draft.action) {
    case 'draft.create': {
      const topic = draft.topic.trim();
      if (topic === '') return { error: 'Say what the post is about' };
      return { intent: { action: 'draft.create', topic, platform: draft.platform === '' ? null : draft.platform } };
    }
    case 'post.schedule': {
      const at = draft.at === '' ? null : new Date(draft.at);
      if (!at || Number.isNaN(at.getTime())) return { error: 'Choose a date and time' };
      return { intent: { action: 'post.schedule', at: toIsoWithOffset(at), spoken: '' } };
    }
    case 'app.navigate':
      return { intent: { action: 'app.navigate', page: draft.page } };
    case 'voice.answer':
      return { intent: { action: 'voice.answer', answer: draft.answer } };
    default:
      return { intent: { action: draft.action } as VoiceIntent };
  }
}

/** Every step, or the first step's problem ("Step 2: …" when there are several). */
export function buildIntents(drafts: readonly IntentDraft[]): { intents: VoiceIntent[] } | { error: string } {
  const intents: VoiceIntent[] = [];
  for (const [index, draft] of drafts.entries()) {
    const built = buildIntent(draft);
    if ('error' in built) return { error: drafts.length > 1 ? `Step ${index + 1}: ${built.error}` : built.error };
    intents.push(built.intent);
  }
  return { intents };
}

/** "2026-03-01T09:00:00+01:00": the local moment with its offset, as the contract wants. */
export function toIsoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${toLocalInput(date)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
