import { EmptyNote, SectionCard } from '../../ui/SectionCard';
import { useTalk } from './talk.store';

const RISK_TEXT: Record<string, string> = {
  safe: '',
  publishes: 'asks first: publishes',
  deletes: 'asks first: deletes',
  spends: 'asks first: spends money',
};

/** What you can say, one example per language, and which actions ask before they act. */
export function ExamplesSection() {
  const actions = useTalk((state) => state.actions);
  return (
    <SectionCard title="What you can say">
      {actions.length === 0 ? (
        <EmptyNote>Loading the commands…</EmptyNote>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {actions.map((action) => (
            <li key={action.action} className="rounded-md border border-zinc-100 p-2 text-sm dark:border-zinc-800">
              <p className="font-medium">
                {action.label}
                {RISK_TEXT[action.risk] && (
                  <span className="ml-2 text-xs font-normal text-amber-700 dark:text-amber-400">
                    {RISK_TEXT[action.risk]}
                  </span>
                )}
              </p>
              {Object.entries(action.examples).map(([language, example]) => (
                <p key={language} className="text-zinc-600 dark:text-zinc-400">
                  <span className="text-xs uppercase">{language}</span> “{example}”
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
