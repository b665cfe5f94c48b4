import { Spinner } from '../../ui/Spinner';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { ModelRow } from './ModelRow';
import { useModels } from './models.store';

const TH = 'px-3 py-2 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

/** Every model installed on this device, with how well it fits, and Delete for Ollama models. */
export function ModelsSection() {
  const status = useModels((s) => s.status);
  const models = useModels((s) => s.models);
  const error = useModels((s) => s.error);

  return (
    <SectionCard title="Installed models" description="Models in Ollama and in Cadence’s own models folder.">
      {status === 'error' && error && <SectionError message={`Could not list the models: ${error}`} />}
      {status === 'loading' && <Spinner label="Listing models…" />}
      {status === 'ready' && models.length === 0 && (
        <EmptyNote>No models installed yet. Pull one below, or use a recommendation.</EmptyNote>
      )}
      {models.length > 0 && (
        <div className="-mx-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">Installed models</caption>
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className={TH}>
                  Provider
                </th>
                <th scope="col" className={TH}>
                  Model
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  Size
                </th>
                <th scope="col" className={`${TH} text-right`}>
                  Context
                </th>
                <th scope="col" className={TH}>
                  Quantization
                </th>
                <th scope="col" className={TH}>
                  Fit
                </th>
                <th scope="col" className={TH}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {models.map((model) => (
                <ModelRow key={`${model.provider}/${model.id}`} model={model} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
