import { useApp } from '../../app/app.store';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { useDataTransfer, type ImportMode } from './data.store';
import { describeExport } from './exportFile';
import { ImportResultView } from './ImportResultView';
import { useProfileSettings } from './profileSettings.store';

const MODES: { value: ImportMode; label: string; hint: string }[] = [
  { value: 'merge', label: 'Merge', hint: 'Keep what is here; take the newer version of each post.' },
  { value: 'replace', label: 'Replace', hint: 'Delete everything here first, then import.' },
];

/** Export everything to JSON; import an export back. */
export function DataSettings() {
  const s = useDataTransfer();
  const refreshApp = useApp((a) => a.refresh);
  const reloadProfile = useProfileSettings((p) => p.load);

  const runImport = async () => {
    const result = await s.startImport();
    if (result && (result.profileImported || result.mode === 'replace'))
      await Promise.all([reloadProfile(), refreshApp()]);
  };

  return (
    <Card title="Your data">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-xl text-sm text-zinc-600 dark:text-zinc-400">
            Export your profile, every post (trash included) and all revisions as one JSON file. It is yours to keep,
            move or import again.
          </p>
          <Button variant="secondary" onClick={() => void s.exportNow()} disabled={s.exporting}>
            {s.exporting ? 'Exporting…' : 'Export all data'}
          </Button>
        </div>
        <div className="space-y-4 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <Field id="import-file" label="Cadence export file" error={s.fileError ?? undefined}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept="application/json,.json"
                className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-3 file:py-1 file:text-sm dark:file:bg-zinc-800 dark:file:text-zinc-200`}
                onChange={(e) => void s.chooseFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          {s.document && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {s.fileName}: {describeExport(s.document)}, exported {new Date(s.document.exportedAt).toLocaleString()}.
            </p>
          )}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Import mode</legend>
            {MODES.map((mode) => (
              <div key={mode.value} className="flex items-start gap-2 text-sm">
                <input
                  id={`import-mode-${mode.value}`}
                  type="radio"
                  name="import-mode"
                  checked={s.mode === mode.value}
                  onChange={() => s.setMode(mode.value)}
                  aria-describedby={`import-mode-${mode.value}-hint`}
                  className="mt-1 accent-indigo-600"
                />
                <label htmlFor={`import-mode-${mode.value}`} className="font-medium">
                  {mode.label}
                </label>
                <span id={`import-mode-${mode.value}-hint`} className="text-zinc-500 dark:text-zinc-400">
                  — {mode.hint}
                </span>
              </div>
            ))}
          </fieldset>
          {s.confirmingReplace ? (
            <div
              role="alert"
              className="flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40"
            >
              <span className="text-red-800 dark:text-red-200">
                Replace deletes every post and the profile on this computer before importing. A backup copy of the
                database is kept.
              </span>
              <Button size="sm" variant="danger" onClick={() => void runImport()}>
                Replace everything
              </Button>
              <Button size="sm" variant="ghost" onClick={s.cancelReplace}>
                Cancel
              </Button>
            </div>
          ) : (
            <Button variant="primary" disabled={!s.document || s.importing} onClick={() => void runImport()}>
              {s.importing ? 'Importing…' : 'Import'}
            </Button>
          )}
          {s.result && <ImportResultView result={s.result} />}
        </div>
      </div>
    </Card>
  );
}
