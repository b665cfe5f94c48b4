import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { SectionCard } from '../../ui/SectionCard';
import { INSTALL_HINT } from './engine-text';
import { ollamaMissing, useEngines } from './engines.store';
import { PullProgress } from './PullProgress';
import { usePull } from './pull.store';

/** Pull any Ollama model by name; progress, speed and time left while it downloads. */
export function PullSection() {
  const name = usePull((s) => s.name);
  const nameError = usePull((s) => s.nameError);
  const active = usePull((s) => s.active);
  const missing = useEngines((s) => ollamaMissing(s.data));
  const { setName, pull } = usePull.getState();
  const input = useRef<HTMLInputElement>(null);
  const wasActive = useRef(false);

  // When a pull ends, its Cancel button goes away; give keyboard focus a place to land.
  useEffect(() => {
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (wasActive.current && !active && focusLost) input.current?.focus();
    wasActive.current = active !== null;
  }, [active]);

  return (
    <SectionCard
      title="Pull a model"
      description={
        <>
          Any model from the{' '}
          <a
            href="https://ollama.com/library"
            target="_blank"
            rel="noreferrer"
            className="text-indigo-700 underline underline-offset-2 hover:text-indigo-600 dark:text-indigo-300"
          >
            Ollama library
          </a>
          . A stopped pull resumes where it left off.
        </>
      }
    >
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void pull();
        }}
      >
        <Field id="ai-pull-name" label="Model name" error={nameError ?? undefined} className="min-w-48 flex-1">
          {(control) => (
            <input
              {...control}
              ref={input}
              className={`${inputClass} font-mono`}
              placeholder="llama3.2:3b"
              autoComplete="off"
              spellCheck={false}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="mt-6.5" disabled={active !== null || missing}>
          Pull
        </Button>
      </form>
      {missing && (
        <p className="mt-3 text-sm text-amber-800 dark:text-amber-300">Pulling needs Ollama. {INSTALL_HINT}.</p>
      )}
      {active && <PullProgress pull={active} />}
    </SectionCard>
  );
}
