import type { Platform } from '../../../shared/domain/platform';
import { ALL_PLATFORMS, PLATFORM_DOT_CLASS, PLATFORM_LABELS } from '../../ui/platforms';
import { useCompose } from './compose.store';

function toggled(list: readonly Platform[], platform: Platform): Platform[] {
  return list.includes(platform) ? list.filter((p) => p !== platform) : [...list, platform];
}

/** Which platforms this post is for: toggle buttons (aria-pressed) named by platform. */
export function PlatformToggles() {
  const platforms = useCompose((s) => s.draft.platforms);
  const edit = useCompose((s) => s.edit);
  return (
    <div role="group" aria-labelledby="compose-platforms-label" className="space-y-2">
      <h3 id="compose-platforms-label" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Platforms
      </h3>
      <div className="flex flex-wrap gap-1.5">
        {ALL_PLATFORMS.map((platform) => {
          const on = platforms.includes(platform);
          return (
            <button
              key={platform}
              type="button"
              aria-pressed={on}
              onClick={() => edit({ platforms: toggled(platforms, platform) })}
              className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                on
                  ? 'border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-500/60 dark:bg-indigo-500/15 dark:text-indigo-100'
                  : 'border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800'
              }`}
            >
              <span
                aria-hidden="true"
                className={`size-1.5 rounded-full ${on ? PLATFORM_DOT_CLASS[platform] : 'bg-zinc-300 dark:bg-zinc-600'}`}
              />
              {PLATFORM_LABELS[platform]}
            </button>
          );
        })}
      </div>
    </div>
  );
}
