import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { useTemplates } from './templates.store';

/** A label and an example per {{variable}} of the structure (rows follow the structure). */
export function TemplateVariablesFields() {
  const variables = useTemplates((state) => state.draft.variables);
  const rowErrors = useTemplates((state) => state.errors.rows);
  const setVariable = useTemplates((state) => state.setVariable);

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Variables</legend>
      {variables.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No {'{{variables}}'} in the structure yet.</p>
      )}
      {variables.map((variable, index) => (
        <div
          key={variable.name}
          className="grid gap-3 rounded-lg border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800"
        >
          <p className="font-mono text-xs text-zinc-500 sm:col-span-2 dark:text-zinc-400">{`{{${variable.name}}}`}</p>
          <Field
            id={`template-var-${variable.name}-label`}
            label={`Label for ${variable.name}`}
            error={rowErrors[index]}
          >
            {(control) => (
              <input
                {...control}
                className={inputClass}
                value={variable.label}
                maxLength={80}
                onChange={(event) => setVariable(index, { label: event.target.value })}
              />
            )}
          </Field>
          <Field id={`template-var-${variable.name}-example`} label={`Example for ${variable.name}`}>
            {(control) => (
              <input
                {...control}
                className={inputClass}
                value={variable.example}
                maxLength={500}
                onChange={(event) => setVariable(index, { example: event.target.value })}
              />
            )}
          </Field>
        </div>
      ))}
    </fieldset>
  );
}
