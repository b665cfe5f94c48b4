import { useState } from 'react';
import type { Platform } from '../../../shared/domain/platform';
import { PLANNING_WEEKDAY_NAMES, type WeeklySlot } from '../../../shared/domain/planning';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { FieldError } from '../../ui/Field';
import { PLATFORM_LABELS } from '../../ui/platforms';
import { useQueue } from './queue.store';
import { nextSlot, parseSlotTime, slotTime, sortSlots } from './slot-edit';

const SMALL_INPUT =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** Each platform's weekly posting slots: the creator's own, or the suggested ones with why. */
export function SlotEditor() {
  const slots = useQueue((state) => state.slots);
  const editing = useQueue((state) => state.editing);
  const errors = useQueue((state) => state.slotErrors);
  const saving = useQueue((state) => state.savingSlots);
  const editSlots = useQueue((state) => state.editSlots);
  const save = useQueue((state) => state.saveSlots);
  const [chosen, setChosen] = useState<Platform | null>(null);
  if (!slots || slots.platforms.length === 0) return null;

  const current = slots.platforms.find((p) => p.platform === chosen) ?? slots.platforms[0]!;
  const platform = current.platform;
  const name = PLATFORM_LABELS[platform];
  const list: WeeklySlot[] =
    editing[platform] ?? current.slots.map(({ weekday, hour, minute }) => ({ weekday, hour, minute }));
  const dirty = editing[platform] !== undefined;
  const change = (index: number, patch: Partial<WeeklySlot>) =>
    editSlots(
      platform,
      list.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)),
    );

  return (
    <Card
      title="Posting slots"
      actions={
        <select
          aria-label="Edit slots for platform"
          className={SMALL_INPUT}
          value={platform}
          onChange={(event) => setChosen(event.target.value as Platform)}
        >
          {slots.platforms.map((p) => (
            <option key={p.platform} value={p.platform}>
              {PLATFORM_LABELS[p.platform]}
            </option>
          ))}
        </select>
      }
    >
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{current.note}</p>
      <ul aria-label={`${name} slots`} className="mt-3 flex flex-col gap-2">
        {list.map((slot, index) => {
          const label = `${name} slot ${index + 1}`;
          const saved = dirty ? undefined : current.slots[index];
          return (
            <li
              key={index}
              className="flex flex-wrap items-center gap-2 border-b border-zinc-100 pb-2 last:border-0 dark:border-zinc-800"
            >
              <select
                aria-label={`Day of ${label}`}
                className={`${SMALL_INPUT} min-w-0 flex-1`}
                value={slot.weekday}
                onChange={(event) => change(index, { weekday: Number(event.target.value) })}
              >
                {PLANNING_WEEKDAY_NAMES.map((day, weekday) => (
                  <option key={day} value={weekday}>
                    {day}
                  </option>
                ))}
              </select>
              <input
                type="time"
                aria-label={`Time of ${label}`}
                className={`${SMALL_INPUT} w-32`}
                value={slotTime(slot)}
                onChange={(event) => {
                  const time = parseSlotTime(event.target.value);
                  if (time) change(index, time);
                }}
              />
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${label}`}
                className="px-2"
                onClick={() =>
                  editSlots(
                    platform,
                    list.filter((_, i) => i !== index),
                  )
                }
              >
                <span aria-hidden="true">✕</span>
              </Button>
              {saved && <span className="w-full text-xs text-zinc-500 dark:text-zinc-400">{saved.why}</span>}
            </li>
          );
        })}
      </ul>
      <FieldError id="slot-editor-error" message={errors[platform]} />
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" onClick={() => editSlots(platform, [...list, nextSlot(list)])}>
          Add slot
        </Button>
        <Button
          size="sm"
          variant="primary"
          disabled={!dirty || saving !== null}
          onClick={() => {
            editSlots(platform, sortSlots(list));
            void save(platform);
          }}
        >
          {saving === platform ? 'Saving…' : 'Save slots'}
        </Button>
        {dirty && (
          <Button size="sm" variant="ghost" onClick={() => editSlots(platform, undefined)}>
            Discard changes
          </Button>
        )}
        {current.custom && !dirty && (
          <Button size="sm" variant="ghost" disabled={saving !== null} onClick={() => void save(platform, true)}>
            Use suggested slots
          </Button>
        )}
      </div>
    </Card>
  );
}
