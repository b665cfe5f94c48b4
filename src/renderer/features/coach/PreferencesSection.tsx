import type { CoachPreferences } from '../../../shared/domain/coach';
import { checkboxClass } from '../../ui/controls';
import { useCoach } from './coach.store';
import { SectionCard } from '../../ui/SectionCard';
import { LoadGate } from './LoadGate';

const OPTIONS: { key: keyof CoachPreferences; label: string; hint: string }[] = [
  {
    key: 'notifyDailyPlan',
    label: "Notify me when today's plan is ready",
    hint: 'A system notification once a day.',
  },
  {
    key: 'notifyMilestones',
    label: 'Notify me when I reach a milestone',
    hint: 'The Coach page celebrates it either way.',
  },
  {
    key: 'shareAggregates',
    label: 'Share anonymized aggregates with the sync service',
    hint: 'Only totals and rates, never post text; lets you compare with creators like you. Off unless you turn it on.',
  },
];

/** Coach notifications and consent to share anonymized aggregates. */
export function PreferencesSection() {
  const preferences = useCoach((s) => s.preferences);
  const load = useCoach((s) => s.load);
  const save = useCoach((s) => s.savePreference);
  return (
    <SectionCard title="Coach settings">
      <LoadGate state={preferences} what="the coach settings" onRetry={() => void load('preferences')}>
        {(prefs) => (
          <ul className="space-y-3">
            {OPTIONS.map((option) => (
              <li key={option.key} className="flex items-start gap-3 text-sm">
                <input
                  id={`coach-pref-${option.key}`}
                  type="checkbox"
                  className={`${checkboxClass} mt-0.5`}
                  checked={prefs[option.key]}
                  aria-describedby={`coach-pref-${option.key}-hint`}
                  onChange={(e) => void save({ [option.key]: e.target.checked })}
                />
                <span>
                  <label htmlFor={`coach-pref-${option.key}`} className="font-medium">
                    {option.label}
                  </label>
                  <span id={`coach-pref-${option.key}-hint`} className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {option.hint}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </LoadGate>
    </SectionCard>
  );
}
