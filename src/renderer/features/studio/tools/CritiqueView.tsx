import type { Critique } from '../../../../shared/contract/quality';

/** The AI critique: what works, and what to change with a suggestion each. */
export function CritiqueView({ critique }: { critique: Critique }) {
  const by = [critique.provider, critique.model].filter(Boolean).join(' · ');
  return (
    <div
      aria-label="AI critique"
      role="group"
      className="space-y-2 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      {critique.strengths.length > 0 && (
        <div>
          <p className="text-xs font-medium text-emerald-700 dark:text-emerald-400">Strengths</p>
          <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300">
            {critique.strengths.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {critique.issues.length > 0 && (
        <div>
          <p className="text-xs font-medium text-amber-700 dark:text-amber-400">Issues</p>
          <ul className="list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
            {critique.issues.map((issue) => (
              <li key={issue.message}>
                {issue.message}
                {issue.suggestion && <span className="block text-xs text-zinc-500"> Try: {issue.suggestion}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {critique.strengths.length === 0 && critique.issues.length === 0 && (
        <p className="text-zinc-500">The AI had nothing to add.</p>
      )}
      {by && <p className="text-xs text-zinc-400">By {by}</p>}
    </div>
  );
}
