import { REPORT_METRICS, REPORT_SECTIONS } from '../../../shared/contract/reports';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';
import { METRIC_LABELS, SECTION_LABELS, toggleIn } from './report-text';
import { useReports } from './reports.store';

/** A report over a chosen range, platforms, metrics and PDF sections. */
export function CustomReportForm() {
  const { custom, customErrors, generating, setCustom, generate } = useReports();
  return (
    <form
      aria-label="Custom report"
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void generate('custom');
      }}
    >
      <div className="flex flex-wrap gap-3">
        <Field id="report-from" label="From" className="w-44" error={customErrors.from}>
          {(control) => (
            <input
              {...control}
              type="date"
              className={inputClass}
              value={custom.from}
              onChange={(e) => setCustom({ from: e.target.value })}
            />
          )}
        </Field>
        <Field id="report-to" label="To" className="w-44" error={customErrors.to}>
          {(control) => (
            <input
              {...control}
              type="date"
              className={inputClass}
              value={custom.to}
              onChange={(e) => setCustom({ to: e.target.value })}
            />
          )}
        </Field>
      </div>
      <CheckboxGroup
        idPrefix="report-metric"
        legend="Metrics"
        options={REPORT_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
        selected={custom.metrics}
        onToggle={(m) => setCustom({ metrics: toggleIn(custom.metrics, m, REPORT_METRICS) })}
        error={customErrors.metrics}
        layoutClass="grid grid-cols-2 sm:grid-cols-3 lg:grid-cols-5"
      />
      <CheckboxGroup
        idPrefix="report-section"
        legend="Sections of the PDF"
        options={REPORT_SECTIONS.map((s) => ({ value: s, label: SECTION_LABELS[s] }))}
        selected={custom.sections}
        onToggle={(s) => setCustom({ sections: toggleIn(custom.sections, s, REPORT_SECTIONS) })}
        error={customErrors.sections}
        layoutClass="grid grid-cols-2 sm:grid-cols-3 lg:grid-cols-5"
      />
      <CheckboxGroup
        idPrefix="report-platform"
        legend="Platforms"
        hint="None picked: every platform."
        options={ALL_PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
        selected={custom.platforms}
        onToggle={(p) => setCustom({ platforms: toggleIn(custom.platforms, p, ALL_PLATFORMS) })}
        error={customErrors.platforms}
        layoutClass="flex flex-wrap"
        pills
      />
      <Button type="submit" variant="primary" disabled={generating !== null}>
        {generating === 'custom' ? 'Making the report…' : 'Make custom report'}
      </Button>
    </form>
  );
}
