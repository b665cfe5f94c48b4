import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { SectionCard } from '../../ui/SectionCard';
import { useEmbeddedDownload } from './embedded-download.store';
import { useEngines } from './engines.store';
import { LocalModelFileForm } from './LocalModelFileForm';
import { JobProgress } from './PullProgress';

const RESULT_CLASS = {
  success: 'text-emerald-800 dark:text-emerald-300',
  paused: 'text-indigo-800 dark:text-indigo-200',
  error: 'text-red-700 dark:text-red-400',
} as const;

/** Download a GGUF file into the data folder for the built-in (embedded) engine. */
export function EmbeddedModelSection() {
  const url = useEmbeddedDownload((s) => s.url);
  const fileName = useEmbeddedDownload((s) => s.fileName);
  const sha256 = useEmbeddedDownload((s) => s.sha256);
  const errors = useEmbeddedDownload((s) => s.errors);
  const active = useEmbeddedDownload((s) => s.active);
  const result = useEmbeddedDownload((s) => s.result);
  const unavailable = useEngines((s) => s.data?.embedded.available === false);
  const { setUrl, setFileName, setSha256, download, cancel } = useEmbeddedDownload.getState();
  const urlInput = useRef<HTMLInputElement>(null);
  const wasActive = useRef(false);

  // When a download ends, its Cancel button goes away; give keyboard focus a place to land.
  useEffect(() => {
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (wasActive.current && !active && focusLost) urlInput.current?.focus();
    wasActive.current = active !== null;
  }, [active]);

  const busy = active !== null;

  return (
    <SectionCard
      title="Embedded engine models"
      description={
        <>
          Cadence&apos;s built-in engine runs GGUF models offline when Ollama is not installed. Paste the address of a{' '}
          <span className="font-mono">.gguf</span> file (for example from Hugging Face); it is saved in the data folder,
          and a stopped download resumes where it left off.
        </>
      }
    >
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          void download();
        }}
      >
        <Field id="ai-gguf-url" label="Model file URL" error={errors.url} className="sm:col-span-2">
          {(control) => (
            <input
              {...control}
              ref={urlInput}
              type="url"
              className={`${inputClass} font-mono`}
              placeholder="https://huggingface.co/…/resolve/main/model-Q4_K_M.gguf"
              autoComplete="off"
              spellCheck={false}
              value={url}
              disabled={busy}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
        <Field id="ai-gguf-file" label="File name" error={errors.fileName}>
          {(control) => (
            <input
              {...control}
              className={`${inputClass} font-mono`}
              placeholder="model-Q4_K_M.gguf"
              autoComplete="off"
              spellCheck={false}
              value={fileName}
              disabled={busy}
              onChange={(e) => setFileName(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="ai-gguf-sha"
          label="SHA-256 (optional)"
          error={errors.sha256}
          hint="From the model page; the file is checked against it before it is used."
        >
          {(control) => (
            <input
              {...control}
              className={`${inputClass} font-mono`}
              autoComplete="off"
              spellCheck={false}
              value={sha256}
              disabled={busy}
              onChange={(e) => setSha256(e.target.value)}
            />
          )}
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" variant="primary" disabled={busy}>
            Download
          </Button>
        </div>
      </form>
      {unavailable && (
        <p className="mt-3 text-sm text-amber-800 dark:text-amber-300">
          The embedded engine is not part of this build, so downloaded files cannot run here yet.
        </p>
      )}
      {active && (
        <JobProgress
          title={
            <>
              Downloading <span className="font-mono">{active.fileName}</span>
            </>
          }
          label={`Downloading ${active.fileName}`}
          progress={active.progress}
          cancelling={active.cancelling}
          onCancel={() => void cancel()}
        />
      )}
      <div aria-live="polite">
        {result && (
          <p
            role={result.kind === 'error' ? 'alert' : undefined}
            className={`mt-3 text-sm ${RESULT_CLASS[result.kind]}`}
          >
            {result.message}
          </p>
        )}
      </div>
      <LocalModelFileForm />
    </SectionCard>
  );
}
