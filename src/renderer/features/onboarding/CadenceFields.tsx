import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { FIELD_IDS } from './fieldIds';
import { ALL_WEEKDAYS, WEEKDAY_LABELS, toggleItem } from './profileForm';
import { useProfileForm } from './profileForm.store';

const DAY_OPTIONS = ALL_WEEKDAYS.map((day) => ({
  value: day,
  label: WEEKDAY_LABELS[day].long,
  display: WEEKDAY_LABELS[day].short,
}));

/** How often and on which days the creator plans to post. */
export function CadenceFields() {
  const postsPerWeek = useProfileForm((s) => s.values.postsPerWeek);
  const days = useProfileForm((s) => s.values.days);
  const errors = useProfileForm((s) => s.errors);
  const setValue = useProfileForm((s) => s.setValue);
  return (
    <>
      <Field
        id={FIELD_IDS['cadence.postsPerWeek']}
        label="Posts per week"
        error={errors['cadence.postsPerWeek']}
        className="max-w-40"
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            max={70}
            step={1}
            className={inputClass}
            value={postsPerWeek}
            onChange={(e) => setValue('postsPerWeek', e.target.value)}
          />
        )}
      </Field>
      <CheckboxGroup
        idPrefix="profile-day"
        legend="Posting days"
        options={DAY_OPTIONS}
        selected={days}
        onToggle={(day) => setValue('days', toggleItem(days, day))}
        error={errors['cadence.days']}
        layoutClass="flex flex-wrap"
        pills
      />
    </>
  );
}
