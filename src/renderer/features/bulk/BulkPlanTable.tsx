import { useState } from 'react';
import { BULK_FORMATS, type BulkFormat, type BulkItem } from '../../../shared/domain/bulk';
import type { Platform } from '../../../shared/domain/platform';
import { Button } from '../../ui/Button';
import { inputClass } from '../../ui/controls';
import { ALL_PLATFORMS, PLATFORM_LABELS } from '../../ui/platforms';
import { FORMAT_LABELS } from './bulk-text';
import { useBulk } from './bulk.store';
import { fromLocalInput, toLocalInput } from './due-time';

const CELL_INPUT = `${inputClass} py-1.5`;
const TH = 'py-2 pr-3 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

/** The plan before generation: every row editable (saved on change or when leaving the topic), or removed. */
export function BulkPlanTable({ items, timeZone }: { items: BulkItem[]; timeZone: string }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full min-w-[46rem] border-collapse text-sm">
        <caption className="sr-only">Planned posts</caption>
        <thead className="border-b border-zinc-200 dark:border-zinc-800">
          <tr>
            <th scope="col" className={`${TH} w-10`}>
              #
            </th>
            <th scope="col" className={TH}>
              Topic
            </th>
            <th scope="col" className={`${TH} w-40`}>
              Format
            </th>
            <th scope="col" className={`${TH} w-32`}>
              Platform
            </th>
            <th scope="col" className={`${TH} w-52`}>
              Date and time
            </th>
            <th scope="col" className={`${TH} w-24`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <PlanRow key={item.id} item={item} number={index + 1} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PlanRow({ item, number, timeZone }: { item: BulkItem; number: number; timeZone: string }) {
  const editItem = useBulk((state) => state.editItem);
  const removeItem = useBulk((state) => state.removeItem);
  const [topic, setTopic] = useState(item.topic);
  const [due, setDue] = useState(toLocalInput(item.dueAt, timeZone));
  const label = `post ${number}`;

  const saveTopic = () => {
    const next = topic.trim();
    if (next === item.topic) return;
    if (next === '') setTopic(item.topic);
    else void editItem(item.id, { topic: next });
  };
  const saveDue = (value: string) => {
    setDue(value);
    const dueAt = fromLocalInput(value, timeZone);
    if (dueAt && dueAt !== item.dueAt) void editItem(item.id, { dueAt });
  };

  return (
    <tr className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
      <td className="py-2 pr-3 pt-3.5 text-zinc-500 tabular-nums dark:text-zinc-400">{number}</td>
      <td className="py-2 pr-3">
        <input
          aria-label={`Topic of ${label}`}
          className={CELL_INPUT}
          value={topic}
          maxLength={300}
          onChange={(event) => setTopic(event.target.value)}
          onBlur={saveTopic}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      </td>
      <td className="py-2 pr-3">
        <select
          aria-label={`Format of ${label}`}
          className={CELL_INPUT}
          value={item.format}
          onChange={(event) => void editItem(item.id, { format: event.target.value as BulkFormat })}
        >
          {BULK_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-3">
        <select
          aria-label={`Platform of ${label}`}
          className={CELL_INPUT}
          value={item.platform}
          onChange={(event) => void editItem(item.id, { platform: event.target.value as Platform })}
        >
          {ALL_PLATFORMS.map((platform) => (
            <option key={platform} value={platform}>
              {PLATFORM_LABELS[platform]}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-3">
        <input
          type="datetime-local"
          aria-label={`Date and time of ${label}`}
          className={CELL_INPUT}
          value={due}
          onChange={(event) => saveDue(event.target.value)}
        />
      </td>
      <td className="py-2 text-right">
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Remove ${label} from the plan`}
          onClick={() => void removeItem(item.id)}
        >
          Remove
        </Button>
      </td>
    </tr>
  );
}
