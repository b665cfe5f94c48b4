import { Spinner } from '../../ui/Spinner';
import { SectionCard, EmptyNote } from '../../ui/SectionCard';
import { useModels } from './models.store';
import { RecommendationRow } from './RecommendationRow';

const TH = 'px-3 py-2 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

/** The model per task that fits this machine, with Pull and "Use for <task>". */
export function RecommendationsSection() {
  const status = useModels((s) => s.status);
  const recommendations = useModels((s) => s.recommendations);

  return (
    <SectionCard title="Recommendations" description="Picked for this machine’s memory from Cadence’s model catalog.">
      {status === 'loading' && <Spinner label="Rating models for this machine…" />}
      {status !== 'loading' && recommendations.length === 0 && <EmptyNote>No recommendations available.</EmptyNote>}
      {recommendations.length > 0 && (
        <div className="-mx-3 overflow-x-auto">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">Recommended models per task</caption>
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className={TH}>
                  Task
                </th>
                <th scope="col" className={TH}>
                  Model
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
              {recommendations.map((rec) => (
                <RecommendationRow key={rec.task} rec={rec} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
