import { useEffect, useState } from 'react';
import type { BestTimes } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { getClient } from '../../client/client';
import { errorMessage } from '../../ui/errors';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { slotLabel, slotSourceText } from './best-times-text';

/**
 * The best posting times for one of the creator's platforms, learned from their own results
 * (blended with published studies until they have enough posts), beside the calendar.
 */
export function BestTimesPanel() {
  const [platforms, setPlatforms] = useState<Platform[]>([]);
  const [platform, setPlatform] = useState<Platform | null>(null);
  const [times, setTimes] = useState<BestTimes | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void getClient()
      .invoke('profile:get-profile', {})
      .then((profile) => {
        const chosen = profile?.platforms ?? [];
        setPlatforms(chosen);
        setPlatform(chosen[0] ?? null);
      })
      .catch((caught: unknown) => setError(errorMessage(caught)));
  }, []);

  useEffect(() => {
    if (!platform) return;
    let current = true;
    setError(null);
    getClient()
      .invoke('analytics:get-best-times', { platform })
      .then((result) => current && setTimes(result))
      .catch((caught: unknown) => current && setError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [platform]);

  if (!platform) return error ? <p className="mt-4 text-sm text-red-700 dark:text-red-300">{error}</p> : null;
  return (
    <section
      aria-labelledby="calendar-best-times-heading"
      className="mt-4 rounded-xl border border-zinc-200 bg-white p-3 text-sm shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="calendar-best-times-heading" className="font-semibold text-zinc-900 dark:text-zinc-100">
          Best times
        </h2>
        <select
          aria-label="Best times for platform"
          className="rounded-md border border-zinc-300 bg-transparent px-1.5 py-0.5 text-xs dark:border-zinc-700"
          value={platform}
          onChange={(event) => setPlatform(event.target.value as Platform)}
        >
          {platforms.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="mt-2 text-red-700 dark:text-red-300">{error}</p>}
      {times && (
        <>
          <ol aria-label={`Best times for ${PLATFORM_LABELS[platform]}`} className="mt-2 flex flex-col gap-1">
            {times.slots.slice(0, 3).map((slot) => (
              <li key={`${slot.weekday}-${slot.hour}`} className="flex flex-col">
                <span className="font-medium tabular-nums">{slotLabel(slot)}</span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">{slotSourceText(slot)}</span>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{times.note}</p>
        </>
      )}
    </section>
  );
}
