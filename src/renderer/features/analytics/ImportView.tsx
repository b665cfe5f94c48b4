import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { SectionCard } from '../../ui/SectionCard';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgress } from './ImportProgress';
import { ImportReportView } from './ImportReportView';
import { importButtonText } from './import-text';
import { useImport } from './import.store';

/** /analytics/import: bring in past posts with metrics, or daily followers, from a CSV or JSON file. */
export function ImportView() {
  const s = useImport();
  const canImport = Boolean(s.preview && s.preview.validRows > 0 && !s.importing);
  return (
    <SectionCard
      title="Import history"
      description="Past posts with their metrics, or daily follower counts, from a CSV or JSON export. You see what Cadence understood before anything is written; importing the same file again adds nothing twice."
    >
      <div className="space-y-5">
        <Field
          id="analytics-import-file"
          label="History file (CSV or JSON)"
          hint="Columns such as published_at, platform, text, impressions, likes, comments… are recognised by name."
          error={s.fileError ?? undefined}
        >
          {(control) => (
            <input
              {...control}
              key={s.finishedImports}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              disabled={Boolean(s.importing)}
              className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-3 file:py-1 file:text-sm dark:file:bg-zinc-800 dark:file:text-zinc-200`}
              onChange={(e) => void s.chooseFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {s.previewing && <Spinner label="Reading the file…" />}
        {s.preview && s.fileName && <ImportPreviewView fileName={s.fileName} preview={s.preview} />}
        {s.preview && (
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="primary" disabled={!canImport} onClick={() => void s.runImport()}>
              {s.importing ? 'Importing…' : importButtonText(s.preview)}
            </Button>
            {s.preview.validRows === 0 && (
              <p className="text-sm text-red-700 dark:text-red-400">
                No row can be imported; fix the file and pick it again.
              </p>
            )}
          </div>
        )}
        {s.importing && <ImportProgress progress={s.importing.progress} />}
        {s.report && <ImportReportView report={s.report} />}
      </div>
    </SectionCard>
  );
}
