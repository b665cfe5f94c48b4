import { inputClass } from '../../ui/controls';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { Field, FieldError } from '../../ui/Field';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';
import { useAnalytics } from './analytics.store';
import { PRESET_LABELS, RANGE_PRESETS } from './date-range';
import { platformChoices, togglePlatform } from './filters';

/** Date range presets (7/30/90 days, 1 year, custom) and platform chips; the store keeps them. */
export function FiltersBar() {
  const { filters, rangeProblem, profile, seenPlatforms, setPreset, setCustom, setPlatforms } = useAnalytics();
  const choices = platformChoices(profile?.platforms ?? [], [...seenPlatforms, ...filters.platforms], ALL_PLATFORMS);
  return (
    <div className="mb-6 flex flex-wrap items-end gap-x-8 gap-y-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div>
        <p id="analytics-range-label" className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Date range
        </p>
        <div role="group" aria-labelledby="analytics-range-label" className="inline-flex rounded-md shadow-sm">
          {RANGE_PRESETS.map((preset, i) => {
            const active = filters.preset === preset;
            return (
              <button
                key={preset}
                type="button"
                aria-pressed={active}
                onClick={() => setPreset(preset)}
                className={`h-9 border px-3 text-sm font-medium focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                  i === 0 ? 'rounded-l-md' : '-ml-px'
                } ${i === RANGE_PRESETS.length - 1 ? 'rounded-r-md' : ''} ${
                  active
                    ? 'z-10 border-indigo-500 bg-indigo-50 text-indigo-800 dark:border-indigo-400 dark:bg-indigo-500/15 dark:text-indigo-100'
                    : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800'
                }`}
              >
                {PRESET_LABELS[preset]}
              </button>
            );
          })}
        </div>
      </div>
      {filters.preset === 'custom' && (
        <div className="flex flex-wrap items-end gap-3">
          {(['from', 'to'] as const).map((end) => (
            <Field key={end} id={`analytics-${end}`} label={end === 'from' ? 'From' : 'To'} className="w-40">
              {(control) => (
                <input
                  {...control}
                  type="date"
                  className={inputClass}
                  value={filters.custom[end]}
                  onChange={(e) => setCustom({ [end]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      )}
      {choices.length > 0 && (
        <div className="min-w-0">
          <CheckboxGroup
            idPrefix="analytics-platform"
            legend="Platforms"
            hint={filters.platforms.length === 0 ? 'All platforms are shown; pick some to narrow down.' : undefined}
            options={choices.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
            selected={filters.platforms}
            onToggle={(p) => setPlatforms(togglePlatform(filters.platforms, p, ALL_PLATFORMS))}
            layoutClass="flex flex-wrap"
            pills
          />
        </div>
      )}
      <FieldError id="analytics-range-error" message={rangeProblem ?? undefined} />
    </div>
  );
}
