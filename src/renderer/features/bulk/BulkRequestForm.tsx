import type { FormEvent } from 'react';
import { BULK_FORMATS } from '../../../shared/domain/bulk';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';
import { FORMAT_LABELS } from './bulk-text';
import { useBulk } from './bulk.store';
import { describeRequest, MAX_POSTS_PER_WEEK, MAX_WEEKS } from './request-form';

const PLATFORM_OPTIONS = ALL_PLATFORMS.map((value) => ({ value, label: PLATFORM_LABELS[value] }));
const FORMAT_OPTIONS = BULK_FORMATS.map((value) => ({ value, label: FORMAT_LABELS[value] }));

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** "A month of posts for LinkedIn and X about <niche>, 3 per week", as a form prefilled from the profile. */
export function BulkRequestForm() {
  const form = useBulk((state) => state.form);
  const errors = useBulk((state) => state.formErrors);
  const planning = useBulk((state) => state.planning);
  const setForm = useBulk((state) => state.setForm);
  const plan = useBulk((state) => state.plan);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void plan();
  };

  return (
    <Card title="What should Cadence plan?">
      <form onSubmit={submit} noValidate className="space-y-5">
        <CheckboxGroup
          idPrefix="bulk-platforms"
          legend="Platforms"
          options={PLATFORM_OPTIONS}
          selected={form.platforms}
          onToggle={(platform) => setForm({ platforms: toggled(form.platforms, platform) })}
          error={errors.platforms}
          layoutClass="flex flex-wrap"
          pills
        />
        <Field id="bulk-niche" label="About" hint="Your niche or the theme of this batch." error={errors.niche}>
          {(control) => (
            <input
              {...control}
              className={inputClass}
              value={form.niche}
              maxLength={200}
              onChange={(event) => setForm({ niche: event.target.value })}
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="bulk-per-week" label="Posts per week" error={errors.postsPerWeek} hint="From your cadence.">
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={MAX_POSTS_PER_WEEK}
                className={inputClass}
                value={form.postsPerWeek}
                onChange={(event) => setForm({ postsPerWeek: event.target.value })}
              />
            )}
          </Field>
          <Field id="bulk-start" label="Start date" error={errors.startDate}>
            {(control) => (
              <input
                {...control}
                type="date"
                className={inputClass}
                value={form.startDate}
                onChange={(event) => setForm({ startDate: event.target.value })}
              />
            )}
          </Field>
          <Field id="bulk-weeks" label="Weeks" error={errors.weeks} hint={`1 to ${MAX_WEEKS}.`}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={MAX_WEEKS}
                className={inputClass}
                value={form.weeks}
                onChange={(event) => setForm({ weeks: event.target.value })}
              />
            )}
          </Field>
        </div>
        <CheckboxGroup
          idPrefix="bulk-formats"
          legend="Formats"
          hint="None picked: the plan rotates through all of them."
          options={FORMAT_OPTIONS}
          selected={form.formats}
          onToggle={(format) => setForm({ formats: toggled(form.formats, format) })}
          error={errors.formats}
          layoutClass="flex flex-wrap"
          pills
        />
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{describeRequest(form)}</p>
          <Button type="submit" variant="primary" disabled={planning}>
            {planning ? 'Planning…' : 'Make a plan'}
          </Button>
        </div>
        {errors.form && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors.form}
          </p>
        )}
      </form>
    </Card>
  );
}
