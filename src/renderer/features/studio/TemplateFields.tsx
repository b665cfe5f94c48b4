import { useEffect } from 'react';
import { inputClass } from '../../ui/controls';
import { Field, FieldError } from '../../ui/Field';
import { useStudio } from './studio.store';
import { useStudioTemplates } from './studio-templates.store';

/** The template picker and, for the chosen template, one field per variable. */
export function TemplateFields() {
  const templateId = useStudio((s) => s.form.templateId);
  const values = useStudio((s) => s.form.templateValues);
  const error = useStudio((s) => s.errors.template ?? s.errors.templateId ?? s.errors.templateValues);
  const { setForm, setTemplateValue } = useStudio.getState();
  const { templates, status, load } = useStudioTemplates();
  const chosen = templates.find((t) => t.id === templateId);

  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);

  return (
    <div className="space-y-3">
      <Field
        id="studio-template"
        label="Template"
        hint={chosen?.description || (status === 'error' ? 'Templates could not be loaded' : undefined)}
      >
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={templateId}
            onChange={(e) => setForm({ templateId: e.target.value, templateValues: {} })}
          >
            <option value="">No template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen && chosen.variables.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {chosen.variables.map((variable) => (
            <Field key={variable.name} id={`studio-template-${variable.name}`} label={variable.label}>
              {(control) => (
                <input
                  {...control}
                  className={inputClass}
                  placeholder={variable.example}
                  value={values[variable.name] ?? ''}
                  onChange={(e) => setTemplateValue(variable.name, e.target.value)}
                />
              )}
            </Field>
          ))}
        </div>
      )}
      <FieldError id="studio-template-error" message={error} />
    </div>
  );
}
