import { type FormEvent, useState } from 'react';
import type { VoiceLanguage } from '../../../shared/domain/voice';
import { Button } from '../../ui/Button';
import { Field, FieldError } from '../../ui/Field';
import { inputClass } from '../../ui/controls';
import { EmptyNote, SectionCard } from '../../ui/SectionCard';
import { buildIntents, EMPTY_DRAFT, type IntentDraft } from './intent-form';
import { describeIntents } from './intent-text';
import { IntentEditor } from './IntentEditor';
import { useTalk } from './talk.store';

/** Your own phrases: one action, or a macro of several run in order. */
export function CustomCommandsSection() {
  const custom = useTalk((state) => state.custom);
  const { saveCustom, deleteCustom } = useTalk.getState();
  const [phrase, setPhrase] = useState('');
  const [language, setLanguage] = useState<VoiceLanguage>('en');
  const [steps, setSteps] = useState<IntentDraft[]>([{ ...EMPTY_DRAFT }]);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phrase.trim().length < 2) return setError('Write the phrase you will say');
    const built = buildIntents(steps);
    if ('error' in built) return setError(built.error);
    setError(undefined);
    if (await saveCustom({ phrase: phrase.trim(), language, intents: built.intents })) {
      setPhrase('');
      setSteps([{ ...EMPTY_DRAFT }]);
    }
  };

  return (
    <SectionCard title="Custom commands" description="Say a phrase of your own to run an action, or several in a row.">
      {custom.length === 0 ? (
        <EmptyNote>No custom commands yet. Correcting a command also teaches one.</EmptyNote>
      ) : (
        <ul className="mb-4 divide-y divide-zinc-100 dark:divide-zinc-800">
          {custom.map((command) => (
            <li key={command.id} className="flex items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">“{command.phrase}”</span> ({command.language}) →{' '}
                {describeIntents(command.intents)}
                {command.origin === 'correction' ? ' · learned from a correction' : ''}
              </span>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Delete “${command.phrase}”`}
                onClick={() => void deleteCustom(command.id)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <Field id="custom-phrase" label="Phrase" className="min-w-64 flex-1">
            {(control) => (
              <input
                {...control}
                className={inputClass}
                placeholder="e.g. morning post"
                value={phrase}
                onChange={(e) => setPhrase(e.target.value)}
              />
            )}
          </Field>
          <Field id="custom-language" label="Language">
            {(control) => (
              <select
                {...control}
                className={inputClass}
                value={language}
                onChange={(e) => setLanguage(e.target.value as VoiceLanguage)}
              >
                <option value="en">English</option>
                <option value="es">Español</option>
              </select>
            )}
          </Field>
        </div>
        {steps.map((step, index) => (
          <div key={index} className="flex items-center gap-2">
            <span className="w-14 text-xs text-zinc-500">Step {index + 1}</span>
            <IntentEditor
              id={`custom-step-${index}`}
              draft={step}
              onChange={(next) => setSteps(steps.map((s, i) => (i === index ? next : s)))}
            />
            {steps.length > 1 && (
              <Button size="sm" variant="ghost" onClick={() => setSteps(steps.filter((_, i) => i !== index))}>
                Remove
              </Button>
            )}
          </div>
        ))}
        <FieldError id="custom-error" message={error} />
        <div className="flex gap-2">
          <Button size="sm" disabled={steps.length >= 10} onClick={() => setSteps([...steps, { ...EMPTY_DRAFT }])}>
            Add a step
          </Button>
          <Button size="sm" type="submit" variant="primary">
            Save command
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
