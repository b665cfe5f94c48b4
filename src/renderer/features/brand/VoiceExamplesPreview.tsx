import type { FormEvent } from 'react';
import type { Platform } from '../../../shared/domain/platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { exampleMethodText } from './voice-form';
import { useVoice } from './voice.store';

/** Which of the creator's posts drafting would show the AI for a sample text, and the voice instructions. */
export function VoiceExamplesPreview() {
  const sample = useVoice((s) => s.sample);
  const platform = useVoice((s) => s.samplePlatform);
  const platforms = useVoice((s) => s.platforms);
  const guide = useVoice((s) => s.guide);
  const previewing = useVoice((s) => s.previewing);
  const error = useVoice((s) => s.previewError);
  const setSample = useVoice((s) => s.setSample);
  const preview = useVoice((s) => s.preview);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void preview();
  };

  return (
    <Card title="Preview the examples">
      <form onSubmit={submit} noValidate className="space-y-3">
        <Field
          id="voice-sample"
          label="Sample text"
          hint="A topic or draft; similar posts of yours are picked."
          error={error ?? undefined}
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              className={inputClass}
              value={sample}
              onChange={(e) => setSample({ sample: e.target.value })}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-end gap-3">
          <Field id="voice-sample-platform" label="For platform">
            {(control) => (
              <select
                {...control}
                className={inputClass}
                value={platform ?? ''}
                onChange={(e) => setSample({ samplePlatform: (e.target.value || null) as Platform | null })}
              >
                <option value="">Any platform</option>
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" disabled={previewing}>
            {previewing ? 'Finding examples…' : 'Preview examples'}
          </Button>
        </div>
      </form>
      {guide && (
        <section aria-labelledby="voice-guide-heading" className="mt-5 space-y-3">
          <h3 id="voice-guide-heading" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            What drafting adds to the prompt
          </h3>
          <p className="rounded-lg bg-zinc-50 p-3 text-sm whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
            {guide.instructions}
          </p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{exampleMethodText(guide.method)}</p>
          {guide.examples.length > 0 && (
            <ol aria-label="Example posts" className="space-y-2">
              {guide.examples.map((example, index) => (
                <li
                  key={example.postId}
                  className="rounded-lg border border-zinc-200 p-3 text-sm whitespace-pre-wrap text-zinc-700 dark:border-zinc-800 dark:text-zinc-300"
                >
                  <span className="mb-1 block text-xs font-medium text-zinc-500">Example {index + 1}</span>
                  {example.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </Card>
  );
}
