import { create } from 'zustand';
import {
  THEME_STORAGE_KEY,
  parseThemePreference,
  resolveTheme,
  type ResolvedTheme,
  type ThemePreference,
} from './theme';

interface ThemeState {
  preference: ThemePreference;
  resolved: ResolvedTheme;
  setPreference: (preference: ThemePreference) => void;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

function readStored(): ThemePreference {
  try {
    return parseThemePreference(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

function apply(resolved: ResolvedTheme): void {
  const root = document.documentElement;
  root.classList.toggle('dark', resolved === 'dark');
  root.style.colorScheme = resolved;
}

const initial = readStored();

/** Light/dark: follows the OS until the user picks one; the pick is kept in localStorage. */
export const useTheme = create<ThemeState>()((set) => ({
  preference: initial,
  resolved: resolveTheme(initial, systemPrefersDark()),
  setPreference: (preference) => {
    try {
      if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, preference);
    } catch {
      // Storage may be unavailable (private mode); the choice still applies for this session.
    }
    const resolved = resolveTheme(preference, systemPrefersDark());
    apply(resolved);
    set({ preference, resolved });
  },
}));

/** Applies the theme now (before the first paint) and follows OS changes while on "system". */
export function initTheme(): void {
  apply(useTheme.getState().resolved);
  if (typeof window.matchMedia !== 'function') return;
  window.matchMedia(DARK_QUERY).addEventListener('change', (event) => {
    const { preference } = useTheme.getState();
    if (preference !== 'system') return;
    const resolved = resolveTheme('system', event.matches);
    apply(resolved);
    useTheme.setState({ resolved });
  });
}
