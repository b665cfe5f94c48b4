import { THEME_PREFERENCES, type ThemePreference } from '../../app/theme';
import { useTheme } from '../../app/theme.store';
import { Card } from '../../ui/Card';

const LABELS: Record<ThemePreference, { title: string; hint: string }> = {
  system: { title: 'System', hint: 'Follow the operating system' },
  light: { title: 'Light', hint: 'Always light' },
  dark: { title: 'Dark', hint: 'Always dark' },
};

/** Theme: system (default), light or dark; remembered on this computer. */
export function AppearanceSettings() {
  const preference = useTheme((s) => s.preference);
  const setPreference = useTheme((s) => s.setPreference);
  return (
    <Card title="Appearance">
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Theme</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {THEME_PREFERENCES.map((value) => (
            <div
              key={value}
              className={`relative rounded-lg border p-3 text-sm has-focus-visible:outline-2 has-focus-visible:outline-indigo-500 ${
                preference === value
                  ? 'border-indigo-400 bg-indigo-50 dark:border-indigo-500/60 dark:bg-indigo-500/10'
                  : 'border-zinc-300 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800'
              }`}
            >
              <label className="flex cursor-pointer items-center gap-3 font-medium text-zinc-900 after:absolute after:inset-0 dark:text-zinc-100">
                <input
                  type="radio"
                  name="theme"
                  value={value}
                  checked={preference === value}
                  onChange={() => setPreference(value)}
                  aria-describedby={`theme-${value}-hint`}
                  className="accent-indigo-600"
                />
                {LABELS[value].title}
              </label>
              <p id={`theme-${value}-hint`} className="mt-1 pl-7 text-xs text-zinc-500 dark:text-zinc-400">
                {LABELS[value].hint}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
    </Card>
  );
}
