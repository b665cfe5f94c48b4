import { Icon } from '../ui/icons';
import { toggledTheme } from './theme';
import { useTheme } from './theme.store';

/** The header's one-click light/dark switch (Settings offers "system" too). */
export function ThemeToggle() {
  const resolved = useTheme((state) => state.resolved);
  const setPreference = useTheme((state) => state.setPreference);
  const label = resolved === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <button
      type="button"
      onClick={() => setPreference(toggledTheme(resolved))}
      aria-label={label}
      title={label}
      className="inline-flex size-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <Icon name={resolved === 'dark' ? 'sun' : 'moon'} />
    </button>
  );
}
