import { useEffect } from 'react';
import { Button } from '../../ui/Button';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { TemplateEditor } from './TemplateEditor';
import { TemplateListPanel } from './TemplateListPanel';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { useTemplates } from './templates.store';

/** Post structures with {{variables}}: the bundled ones (editable, hideable, restorable) and the creator's own. */
export default function TemplatesPage() {
  const start = useTemplates((state) => state.start);
  const load = useTemplates((state) => state.load);
  const error = useTemplates((state) => state.error);
  const newTemplate = useTemplates((state) => state.newTemplate);
  useEffect(() => start(), [start]);

  return (
    <div className="flex flex-col">
      <PageHeader
        title="Templates"
        description="Post structures the AI follows when drafting. Write {{variable}} where your words go."
        actions={
          <Button variant="primary" onClick={newTemplate}>
            New template
          </Button>
        }
      />
      {load === 'loading' && <Spinner label="Loading templates…" />}
      {load === 'error' && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Could not load templates: {error}
        </p>
      )}
      {load === 'ready' && (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <TemplateListPanel />
          <div className="grid min-w-0 grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
            <TemplateEditor />
            <TemplatePreviewPanel />
          </div>
        </div>
      )}
    </div>
  );
}
