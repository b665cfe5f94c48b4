import { useState } from 'react';
import type { Platform } from '../../../shared/domain/platform';
import { inputClass } from '../../ui/controls';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { HashtagsPanel } from '../studio/tools/HashtagsPanel';
import { MediaPanel } from '../studio/tools/MediaPanel';
import { QualityPanel } from '../studio/tools/QualityPanel';
import { ScheduleNextFree } from '../studio/tools/ScheduleNextFree';
import { useCompose } from './compose.store';

/**
 * The studio's post tools in Compose: quality and hashtags for one of the post's platforms (picked
 * here when there are several), media, and scheduling into the next free slot.
 */
export function ComposeTools() {
  const platforms = useCompose((s) => s.draft.platforms);
  const [picked, setPicked] = useState<Platform | null>(null);
  const platform = picked && platforms.includes(picked) ? picked : (platforms[0] ?? null);

  return (
    <div className="space-y-5">
      {platforms.length > 1 && platform && (
        <div className="space-y-1.5">
          <label htmlFor="compose-tools-platform" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Check for
          </label>
          <select
            id="compose-tools-platform"
            className={inputClass}
            value={platform}
            onChange={(e) => setPicked(platforms.find((p) => p === e.target.value) ?? null)}
          >
            {platforms.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      )}
      {platform ? (
        <>
          <QualityPanel editor={useCompose} platform={platform} />
          <HashtagsPanel editor={useCompose} platform={platform} />
        </>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Pick a platform to see the quality score and hashtags.
        </p>
      )}
      <MediaPanel editor={useCompose} name="this post" />
      <ScheduleNextFree editor={useCompose} />
    </div>
  );
}
