import { useEffect } from 'react';
import type { BestTimeSlot } from '../../../shared/domain/analytics';
import type { Platform } from '../../../shared/domain/platform';
import { inputClass } from '../../ui/controls';
import { Field } from '../../ui/Field';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { Spinner } from '../../ui/Spinner';
import { SectionCard, EmptyNote, SectionError } from '../../ui/SectionCard';
import { formatHourSlot, formatRate, plural, WEEKDAY_NAMES } from './analytics-format';
import { useBestTimes } from './best-times.store';

const SOURCE_TEXT: Record<BestTimeSlot['source'], string> = {
  yours: 'Your posts',
  blended: 'Your posts + studies',
  default: 'Published study',
};

const SOURCE_CLASS: Record<BestTimeSlot['source'], string> = {
  yours: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-200',
  blended: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-200',
  default: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
};

const SHOWN = 8;

/** The best slots to post on one platform, each saying whether it comes from your posts or a study. */
export function BestTimesSection({ platforms }: { platforms: readonly Platform[] }) {
  const { platform, times, choose, reload } = useBestTimes();
  const first = platforms[0];
  useEffect(() => {
    if (first && (!platform || !platforms.includes(platform))) void choose(first);
  }, [first, platform, platforms, choose]);
  const data = times.data?.platform === platform ? times.data : null;
  const slots = data ? [...data.slots].sort((a, b) => b.score - a.score).slice(0, SHOWN) : [];
  const sources = new Map((data?.sources ?? []).map((s) => [s.id, s]));

  return (
    <SectionCard
      title="Best times to post"
      description="Learned from your own posts where there are enough; published studies fill in the rest. The calendar suggests these slots."
      actions={
        platforms.length > 0 ? (
          <Field id="best-times-platform" label="Platform" className="w-44">
            {(control) => (
              <select
                {...control}
                className={inputClass}
                value={platform ?? ''}
                onChange={(e) => void choose(e.target.value as Platform)}
              >
                {platforms.map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_LABELS[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : undefined
      }
    >
      {platforms.length === 0 && <EmptyNote>Add a platform to your profile to see its best times.</EmptyNote>}
      {times.status === 'error' && (
        <SectionError message={`Could not load best times: ${times.error}`} onRetry={() => void reload()} />
      )}
      {!data && times.status === 'loading' && <Spinner label="Finding your best times…" />}
      {data && (
        <>
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{data.note}</p>
          {slots.length === 0 ? (
            <EmptyNote>No slots yet for {PLATFORM_LABELS[data.platform]}.</EmptyNote>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Best times to post on {PLATFORM_LABELS[data.platform]} ({data.timezone})
              </caption>
              <thead className="text-xs text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    When ({data.timezone})
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    Source
                  </th>
                  <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                    Your posts
                  </th>
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Mean rate
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {slots.map((slot) => {
                  const study = slot.sourceId ? sources.get(slot.sourceId) : undefined;
                  return (
                    <tr key={`${slot.weekday}-${slot.hour}`}>
                      <td className="py-2 pr-3 font-medium">
                        {WEEKDAY_NAMES[slot.weekday]} {formatHourSlot(slot.hour)}
                      </td>
                      <td className="py-2 pr-3">
                        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${SOURCE_CLASS[slot.source]}`}>
                          {SOURCE_TEXT[slot.source]}
                        </span>
                        {study && slot.source !== 'yours' && (
                          <a
                            href={study.url}
                            target="_blank"
                            rel="noreferrer"
                            title={study.title}
                            className="ml-2 text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                          >
                            source
                          </a>
                        )}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">
                        {slot.posts > 0 ? plural(slot.posts, 'post') : '—'}
                      </td>
                      <td className="py-2 text-right tabular-nums">{formatRate(slot.meanRate)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </SectionCard>
  );
}
