import { useTemplates } from './templates.store';

/** The template filled with its examples, updated as the creator types. */
export function TemplatePreviewPanel() {
  const preview = useTemplates((state) => state.preview);
  return (
    <section
      aria-labelledby="template-preview-heading"
      className="h-fit rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="template-preview-heading" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Preview
      </h2>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {preview.source === 'server'
          ? 'Filled with the examples, as drafting will use it.'
          : 'Unsaved changes, filled with the examples. Missing examples show the label.'}
      </p>
      {preview.error && <p className="mt-2 text-sm text-red-700 dark:text-red-400">{preview.error}</p>}
      <div
        aria-live="polite"
        className="mt-3 rounded-lg bg-zinc-50 p-3 text-sm whitespace-pre-wrap text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
      >
        {preview.text || <span className="text-zinc-400">Nothing to preview yet.</span>}
      </div>
    </section>
  );
}
