import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { GOAL_METRIC_LABELS } from '../../ui/goals';
import { FIELD_IDS } from './fieldIds';
import { ALL_METRICS } from './profileForm';
import { useProfileForm } from './profileForm.store';

/** Goal metric, target and deadline. */
export function GoalFields() {
  const metric = useProfileForm((s) => s.values.metric);
  const target = useProfileForm((s) => s.values.target);
  const deadline = useProfileForm((s) => s.values.deadline);
  const errors = useProfileForm((s) => s.errors);
  const setValue = useProfileForm((s) => s.setValue);
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field id={FIELD_IDS['goal.metric']} label="Goal metric" error={errors['goal.metric']}>
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={metric}
            onChange={(e) => {
              const next = ALL_METRICS.find((m) => m === e.target.value);
              if (next) setValue('metric', next);
            }}
          >
            {ALL_METRICS.map((m) => (
              <option key={m} value={m}>
                {GOAL_METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={FIELD_IDS['goal.target']} label="Target" error={errors['goal.target']}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            inputMode="decimal"
            placeholder="e.g. 10000"
            value={target}
            onChange={(e) => setValue('target', e.target.value)}
          />
        )}
      </Field>
      <Field id={FIELD_IDS['goal.deadline']} label="Deadline" error={errors['goal.deadline']}>
        {(control) => (
          <input
            {...control}
            type="date"
            className={inputClass}
            value={deadline}
            onChange={(e) => setValue('deadline', e.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
