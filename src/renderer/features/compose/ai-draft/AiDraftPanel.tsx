import { useEffect } from 'react';
import { Button } from '../../../ui/Button';
import { inputClass } from '../../../ui/controls';
import { Field } from '../../../ui/Field';
import { useCompose } from '../compose.store';
import { useAiDraft } from './ai-draft.store';
import { AiDraftPreview } from './AiDraftPreview';
import { draftLimit, listPlatforms } from './prompt';

const PANEL_ID = 'ai-draft-panel';

/** "Draft with AI": a topic in, a streamed draft out, stoppable, and insertable into the post. */
export function AiDraftPanel() {
  const open = useAiDraft((s) => s.open);
  const topic = useAiDraft((s) => s.topic);
  const topicError = useAiDraft((s) => s.topicError);
  const status = useAiDraft((s) => s.status);
  const platforms = useCompose((s) => s.draft.platforms);
  const { setOpen, setTopic, attach, generate, stop } = useAiDraft.getState();
  const running = status === 'generating' || status === 'stopping';

  useEffect(attach, [attach]);

  const where = platforms.length > 0 ? `For ${listPlatforms(platforms)}, ` : '';
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={PANEL_ID}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between gap-2 rounded-md text-left text-sm font-semibold text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-zinc-100"
      >
        Draft with AI
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`size-4 text-zinc-500 transition-transform ${open ? 'rotate-180' : ''}`}
        >
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        </svg>
      </button>
      <div id={PANEL_ID} hidden={!open} className="mt-4 space-y-4">
        <form
          noValidate
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            void generate(platforms);
          }}
        >
          <Field
            id="ai-draft-topic"
            label="Topic"
            error={topicError ?? undefined}
            hint={`${where}under ${draftLimit(platforms)} characters. Written by your drafting model.`}
          >
            {(control) => (
              <input
                {...control}
                className={inputClass}
                placeholder="e.g. feeding a sourdough starter in winter"
                value={topic}
                onChange={(e) => setTopic(e.target.value)}
              />
            )}
          </Field>
          {running ? (
            <Button variant="danger" size="sm" onClick={() => void stop()} disabled={status === 'stopping'}>
              {status === 'stopping' ? 'Stopping…' : 'Stop'}
            </Button>
          ) : (
            <Button type="submit" variant="primary" size="sm">
              Generate
            </Button>
          )}
        </form>
        <AiDraftPreview />
      </div>
    </div>
  );
}
