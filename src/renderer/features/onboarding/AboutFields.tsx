import { useMemo } from 'react';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { FIELD_IDS } from './fieldIds';
import { useProfileForm } from './profileForm.store';

/** Every IANA zone the runtime knows, plus UTC (which the list leaves out) and the current value. */
export function timezones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const extra = ['UTC', current].filter((zone) => zone && !zones.includes(zone));
  return [...new Set([...extra, ...zones])];
}

/** Name, niche and time zone. */
export function AboutFields() {
  const name = useProfileForm((s) => s.values.name);
  const niche = useProfileForm((s) => s.values.niche);
  const timezone = useProfileForm((s) => s.values.timezone);
  const errors = useProfileForm((s) => s.errors);
  const setValue = useProfileForm((s) => s.setValue);
  const zones = useMemo(() => timezones(timezone), [timezone]);

  return (
    <>
      <Field id={FIELD_IDS.name} label="Name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            className={inputClass}
            autoComplete="name"
            value={name}
            onChange={(e) => setValue('name', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={FIELD_IDS.niche}
        label="Niche"
        hint="What you post about, e.g. “home cooking on a budget”."
        error={errors.niche}
      >
        {(control) => (
          <input
            {...control}
            className={inputClass}
            value={niche}
            onChange={(e) => setValue('niche', e.target.value)}
          />
        )}
      </Field>
      <Field id={FIELD_IDS.timezone} label="Time zone" error={errors.timezone}>
        {(control) => (
          <select
            {...control}
            className={inputClass}
            value={timezone}
            onChange={(e) => setValue('timezone', e.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
