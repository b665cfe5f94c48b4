import { useEffect } from 'react';
import { IDEA_SOURCE_KINDS } from '../../../shared/domain/studio';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { inputClass } from '../../ui/controls';
import { Field, FieldError } from '../../ui/Field';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';
import { SOURCE_KIND_LABELS } from './idea-form';
import { MAX_VARIANTS } from './draft-slots';
import { SourceField } from './SourceField';
import { useStudio } from './studio.store';
import { TemplateFields } from './TemplateFields';

const PLATFORM_OPTIONS = ALL_PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }));

/** Where the idea comes from, for which platforms, with which template, how many variants; Draft / Stop. */
export function IdeaForm() {
  const form = useStudio((s) => s.form);
  const errors = useStudio((s) => s.errors);
  const run = useStudio((s) => s.run);
  const ready = useStudio((s) => s.ready);
  const { setForm, setSourceKind, togglePlatform, draft, stop, init } = useStudio.getState();
  const running = run !== 'idle';

  useEffect(() => void init(), [init]);

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void draft();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Start from</legend>
        <div role="radiogroup" aria-label="Start from" className="flex flex-wrap gap-1.5">
          {IDEA_SOURCE_KINDS.map((kind) => (
            <label
              key={kind}
              className={`relative cursor-pointer rounded-full border px-3 py-1 text-xs font-medium has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 ${
                form.kind === kind
                  ? 'border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-500/60 dark:bg-indigo-500/15 dark:text-indigo-100'
                  : 'border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800'
              }`}
            >
              <input
                type="radio"
                name="idea-source"
                value={kind}
                checked={form.kind === kind}
                onChange={() => setSourceKind(kind)}
                className="absolute inset-0 cursor-pointer appearance-none rounded-full focus:outline-none"
              />
              {SOURCE_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <SourceField />
      <CheckboxGroup
        idPrefix="studio-platforms"
        legend="Platforms"
        options={PLATFORM_OPTIONS}
        selected={form.platforms}
        onToggle={togglePlatform}
        error={errors.platforms}
        layoutClass="flex flex-wrap"
        pills
        disabled={!ready}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TemplateFields />
        <Field id="studio-variants" label="Variants" hint="Per platform, for A/B tests" error={errors.variants}>
          {(control) => (
            <select
              {...control}
              className={inputClass}
              value={form.variants}
              onChange={(e) => setForm({ variants: Number(e.target.value) })}
            >
              {Array.from({ length: MAX_VARIANTS }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldError id="studio-form-error" message={errors.form ?? errors.drafts} />
      <div className="flex items-center gap-3">
        {running ? (
          <Button variant="danger" onClick={() => void stop()} disabled={run === 'stopping'}>
            {run === 'stopping' ? 'Stopping…' : 'Stop'}
          </Button>
        ) : (
          <Button type="submit" variant="primary">
            Draft
          </Button>
        )}
        {running && (
          <span role="status" className="text-sm text-zinc-500 dark:text-zinc-400">
            {run === 'starting' ? 'Starting…' : run === 'stopping' ? 'Stopping the drafts…' : 'Writing drafts…'}
          </span>
        )}
      </div>
    </form>
  );
}
