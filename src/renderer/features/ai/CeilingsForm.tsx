import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { type CeilingsText, useRouting } from './routing.store';

const FIELDS: { key: keyof CeilingsText; label: string; hint: string }[] = [
  {
    key: 'perGenerationCeilingUsd',
    label: 'Per-generation ceiling (USD)',
    hint: 'A cloud call estimated above this is refused before it is sent.',
  },
  { key: 'monthlyCeilingUsd', label: 'Monthly ceiling (USD)', hint: 'Cloud calls stop for the month once spent.' },
];

/** The spending ceilings for cloud providers. Local models cost nothing. */
export function CeilingsForm() {
  const ceilings = useRouting((s) => s.ceilings);
  const fieldErrors = useRouting((s) => s.fieldErrors);
  const saving = useRouting((s) => s.saving);
  const { editCeiling, saveCeilings } = useRouting.getState();

  return (
    <form
      noValidate
      aria-labelledby="ai-ceilings-title"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void saveCeilings();
      }}
    >
      <h3 id="ai-ceilings-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        Spending ceilings
      </h3>
      {FIELDS.map(({ key, label, hint }) => (
        <Field key={key} id={`ai-${key}`} label={label} hint={hint} error={fieldErrors[key]}>
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="decimal"
              min={0}
              step={0.01}
              className={`${inputClass} max-w-40 tabular-nums`}
              value={ceilings[key]}
              onChange={(e) => editCeiling(key, e.target.value)}
            />
          )}
        </Field>
      ))}
      <Button type="submit" size="sm" disabled={saving}>
        Save ceilings
      </Button>
    </form>
  );
}
