import type { FormEvent } from 'react';
import { TEMPLATE_FORMATS } from '../../../shared/domain/templates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { inputClass } from '../../ui/controls';
import { Field, FieldError } from '../../ui/Field';
import { useTemplates } from './templates.store';
import { TemplateVariablesFields } from './TemplateVariablesFields';

const FORMAT_LABELS = { post: 'Single post', thread: 'Thread', carousel: 'Carousel', video: 'Video script' } as const;

/** Name, description, format and structure of the open template; Save shows the server's messages beside the fields. */
export function TemplateEditor() {
  const draft = useTemplates((state) => state.draft);
  const errors = useTemplates((state) => state.errors);
  const saving = useTemplates((state) => state.saving);
  const selected = useTemplates((state) => state.list.templates.find((t) => t.id === state.selectedId));
  const setDraft = useTemplates((state) => state.setDraft);
  const save = useTemplates((state) => state.save);
  const remove = useTemplates((state) => state.remove);
  const restore = useTemplates((state) => state.restore);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const title = selected ? `Edit “${selected.name}”` : 'New template';

  return (
    <Card title={title}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {selected?.source === 'bundled' && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            A built-in template. Saving keeps your copy; “Restore original” brings the shipped one back.
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
          <Field id="template-name" label="Name" error={errors.name}>
            {(control) => (
              <input
                {...control}
                className={inputClass}
                value={draft.name}
                maxLength={100}
                onChange={(event) => setDraft({ name: event.target.value })}
              />
            )}
          </Field>
          <Field id="template-format" label="Format" error={errors.format}>
            {(control) => (
              <select
                {...control}
                className={inputClass}
                value={draft.format}
                onChange={(event) => setDraft({ format: event.target.value as (typeof TEMPLATE_FORMATS)[number] })}
              >
                {TEMPLATE_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {FORMAT_LABELS[format]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field id="template-description" label="Description" error={errors.description}>
          {(control) => (
            <input
              {...control}
              className={inputClass}
              value={draft.description}
              maxLength={500}
              onChange={(event) => setDraft({ description: event.target.value })}
            />
          )}
        </Field>
        <Field
          id="template-structure"
          label="Structure"
          hint="Write {{name}} (lower-case letters, digits, _) where the creator's words go; each one becomes a variable below."
          error={errors.structure}
        >
          {(control) => (
            <textarea
              {...control}
              rows={8}
              className={`${inputClass} font-mono`}
              value={draft.structure}
              onChange={(event) => setDraft({ structure: event.target.value })}
            />
          )}
        </Field>
        <TemplateVariablesFields />
        {errors.variables.length > 0 && (
          <div id="template-variables-error" role="alert" className="space-y-1">
            {errors.variables.map((message) => (
              <FieldError key={message} id={`template-variables-${message}`} message={message} />
            ))}
          </div>
        )}
        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {selected?.source === 'bundled' && selected.edited && (
            <Button variant="ghost" onClick={() => void restore(selected.id)}>
              Restore original
            </Button>
          )}
          {selected && (
            <Button variant="ghost" onClick={() => void remove(selected)}>
              {selected.source === 'bundled' ? 'Hide template' : 'Delete template'}
            </Button>
          )}
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save template'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
