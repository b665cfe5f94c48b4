import { PLATFORMS } from '../../../shared/domain/platform';
import { VOICE_PAGES, type VoiceAction } from '../../../shared/domain/voice';
import { inputClass } from '../../ui/controls';
import { PLATFORM_LABELS } from '../../ui/platforms';
import type { IntentDraft } from './intent-form';
import { ACTION_LABELS, VOICE_PAGE_LABELS } from './intent-text';

/** The actions a person may choose (yes/no answers only make sense in a conversation). */
const CHOOSABLE = (Object.keys(ACTION_LABELS) as VoiceAction[]).filter((action) => action !== 'voice.answer');

/** Choose one action and fill in what it needs (topic and platform, time, page). */
export function IntentEditor({
  id,
  draft,
  onChange,
}: {
  id: string;
  draft: IntentDraft;
  onChange: (draft: IntentDraft) => void;
}) {
  const set = (changes: Partial<IntentDraft>) => onChange({ ...draft, ...changes });
  return (
    <div className="grid min-w-0 flex-1 gap-2 sm:grid-cols-3">
      <label className="sr-only" htmlFor={`${id}-action`}>
        Action
      </label>
      <select
        id={`${id}-action`}
        className={inputClass}
        value={draft.action}
        onChange={(e) => set({ action: e.target.value as VoiceAction })}
      >
        {CHOOSABLE.map((action) => (
          <option key={action} value={action}>
            {ACTION_LABELS[action]}
          </option>
        ))}
      </select>
      {draft.action === 'draft.create' && (
        <>
          <label className="sr-only" htmlFor={`${id}-topic`}>
            Topic
          </label>
          <input
            id={`${id}-topic`}
            className={inputClass}
            placeholder="What it is about"
            value={draft.topic}
            onChange={(e) => set({ topic: e.target.value })}
          />
          <label className="sr-only" htmlFor={`${id}-platform`}>
            Platform
          </label>
          <select
            id={`${id}-platform`}
            className={inputClass}
            value={draft.platform}
            onChange={(e) => set({ platform: e.target.value as IntentDraft['platform'] })}
          >
            <option value="">Any platform</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {PLATFORM_LABELS[platform]}
              </option>
            ))}
          </select>
        </>
      )}
      {draft.action === 'post.schedule' && (
        <>
          <label className="sr-only" htmlFor={`${id}-at`}>
            When
          </label>
          <input
            id={`${id}-at`}
            type="datetime-local"
            className={inputClass}
            value={draft.at}
            onChange={(e) => set({ at: e.target.value })}
          />
        </>
      )}
      {draft.action === 'app.navigate' && (
        <>
          <label className="sr-only" htmlFor={`${id}-page`}>
            Page
          </label>
          <select
            id={`${id}-page`}
            className={inputClass}
            value={draft.page}
            onChange={(e) => set({ page: e.target.value as IntentDraft['page'] })}
          >
            {VOICE_PAGES.map((page) => (
              <option key={page} value={page}>
                {VOICE_PAGE_LABELS[page]}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
