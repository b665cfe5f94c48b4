import type { VoiceActionInfo } from '../../../shared/contract/voice';
import type { ActionRisk, VoiceAction, VoiceLanguage } from '../../../shared/domain/voice';
import { ACTION_EXAMPLES, ACTION_LABELS } from '../intents';
import type { ActionDefinition, ActionPorts, RunnableAction } from './action-types';
import { draftCreate, draftReadBack, draftShorten } from './draft-actions';
import { analyticsLastPost, appNavigate, coachGoalStatus, voiceHelp } from './info-actions';
import { postDelete, postPublishNow, postSchedule } from './post-actions';

export type ActionRegistry = { [A in RunnableAction]: ActionDefinition<A> };

/** Every action a command can run, each calling the domain that owns the work. */
export function createActionRegistry(ports: ActionPorts): ActionRegistry {
  return {
    'draft.create': draftCreate(ports),
    'draft.shorten': draftShorten(ports),
    'draft.read-back': draftReadBack(ports),
    'post.schedule': postSchedule(ports),
    'post.publish-now': postPublishNow(ports),
    'post.delete': postDelete(ports),
    'analytics.last-post': analyticsLastPost(ports),
    'coach.goal-status': coachGoalStatus(ports),
    'app.navigate': appNavigate(),
    'voice.help': voiceHelp(),
  };
}

/** Publishing, deleting or spending never runs on one utterance. */
export function needsConfirmation(risk: ActionRisk): boolean {
  return risk !== 'safe';
}

const ANSWER_INFO = { label: 'Answer yes or no to a question', risk: 'safe' as const };

/** The actions for the Talk page and voice:list-actions: label, risk and one example per language. */
export function listActions(registry: ActionRegistry): VoiceActionInfo[] {
  const actions: { action: VoiceAction; label: string; risk: ActionRisk }[] = [
    ...Object.values(registry).map(({ action, label, risk }) => ({ action, label, risk })),
    { action: 'voice.answer', ...ANSWER_INFO },
  ];
  return actions.map(({ action, label, risk }) => ({
    action,
    label: ACTION_LABELS[action]?.en ?? label,
    risk,
    examples: examplesOf(action),
  }));
}

function examplesOf(action: VoiceAction): Record<VoiceLanguage, string> {
  const known = ACTION_EXAMPLES[action];
  return { en: known?.en?.[0] ?? '', es: known?.es?.[0] ?? '' };
}
