import { WEEKDAYS } from '../../../shared/domain/profile';
import { Button } from '../../ui/Button';
import { checkboxClass, inputClass } from '../../ui/controls';
import { Field, FieldError } from '../../ui/Field';
import { hourLabel, scheduleSentence, WEEKDAY_LABELS } from './report-text';
import type { Weekday } from './report-weekdays';
import { useReports } from './reports.store';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** When the weekly report is made: on/off, weekday and hour in the creator's time zone. */
export function ScheduleForm({ timezone }: { timezone?: string | undefined }) {
  const {
    schedule,
    scheduleDraft: draft,
    savingSchedule,
    scheduleError,
    setScheduleDraft,
    saveSchedule,
  } = useReports();
  const changed =
    !schedule ||
    schedule.enabled !== draft.enabled ||
    schedule.weekday !== draft.weekday ||
    schedule.hour !== draft.hour;
  return (
    <form
      aria-label="Weekly report schedule"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void saveSchedule();
      }}
    >
      {schedule && <p className="text-sm text-zinc-600 dark:text-zinc-400">{scheduleSentence(schedule, timezone)}</p>}
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          className={checkboxClass}
          checked={draft.enabled}
          onChange={(e) => setScheduleDraft({ enabled: e.target.checked })}
        />
        Make the weekly report automatically
      </label>
      <div className="flex flex-wrap gap-3">
        <Field id="report-weekday" label="Day" className="w-44">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              disabled={!draft.enabled}
              value={draft.weekday}
              onChange={(e) => setScheduleDraft({ weekday: e.target.value as Weekday })}
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {WEEKDAY_LABELS[d]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="report-hour" label="Hour" className="w-32">
          {(control) => (
            <select
              {...control}
              className={inputClass}
              disabled={!draft.enabled}
              value={draft.hour}
              onChange={(e) => setScheduleDraft({ hour: Number(e.target.value) })}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={savingSchedule || !changed}>
          {savingSchedule ? 'Saving…' : 'Save schedule'}
        </Button>
        <FieldError id="report-schedule-error" message={scheduleError ?? undefined} />
      </div>
    </form>
  );
}
