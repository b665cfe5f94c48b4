import type { PostTemplate } from '../../../shared/domain/templates';
import { Button } from '../../ui/Button';
import { useTemplates } from './templates.store';

function sourceText(template: PostTemplate): string {
  if (template.source === 'user') return 'Yours';
  return template.edited ? 'Built-in, edited' : 'Built-in';
}

/** Every template to pick from, and the removed built-in ones with Restore. */
export function TemplateListPanel() {
  const templates = useTemplates((state) => state.list.templates);
  const hidden = useTemplates((state) => state.list.hidden);
  const selectedId = useTemplates((state) => state.selectedId);
  const select = useTemplates((state) => state.select);
  const restore = useTemplates((state) => state.restore);

  return (
    <div className="flex flex-col gap-4">
      <section
        aria-labelledby="templates-list-heading"
        className="rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id="templates-list-heading" className="px-2 pb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          All templates
        </h2>
        {templates.length === 0 && <p className="px-2 text-sm text-zinc-500">No templates yet.</p>}
        <ul className="flex flex-col gap-0.5">
          {templates.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                aria-current={template.id === selectedId ? 'true' : undefined}
                onClick={() => select(template.id)}
                className={`w-full rounded-md px-2 py-1.5 text-left text-sm focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                  template.id === selectedId
                    ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-100'
                    : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
                }`}
              >
                <span className="block font-medium">{template.name}</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {sourceText(template)} · {template.format}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {hidden.length > 0 && (
        <section
          aria-labelledby="templates-hidden-heading"
          className="rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2
            id="templates-hidden-heading"
            className="px-2 pb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100"
          >
            Hidden built-in templates
          </h2>
          <ul className="flex flex-col gap-1">
            {hidden.map((template) => (
              <li key={template.id} className="flex items-center justify-between gap-2 px-2 text-sm">
                <span className="text-zinc-600 dark:text-zinc-400">{template.name}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Restore ${template.name}`}
                  onClick={() => void restore(template.id)}
                >
                  Restore
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
